namespace StepFunctionsCqrs.LocalCloud.WebConsole.Listing;

/// <summary>One line of the executions list.</summary>
public sealed record ExecutionRow(string Name, string ExecutionArn, string StateMachineName, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, double? DurationMs);
