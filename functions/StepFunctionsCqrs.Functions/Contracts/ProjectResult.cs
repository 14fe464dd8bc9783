namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>A projection's output: which view and how many rows the commit maps to (the same on every repeat, whatever was already there).</summary>
public sealed record ProjectResult(string View, string CommandId, int Rows);
