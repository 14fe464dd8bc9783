namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>The identity of a started execution.</summary>
public sealed record StartExecutionResult(string ExecutionArn, DateTimeOffset StartDate);
