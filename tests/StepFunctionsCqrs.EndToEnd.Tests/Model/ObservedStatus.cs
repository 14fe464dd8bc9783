namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>One command status view item as read back: the outcome, its reason codes and the error of a failure.</summary>
public sealed record ObservedStatus(string CommandId, string Status, IReadOnlyList<string> ReasonCodes, string? Error);
