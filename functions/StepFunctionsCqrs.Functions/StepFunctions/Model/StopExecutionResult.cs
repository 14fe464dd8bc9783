namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The StopExecution response.</summary>
public sealed record StopExecutionResult(DateTimeOffset StopDate);
