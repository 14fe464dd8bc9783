namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>A stored execution; <see cref="HistoryJson"/> is the event array once the execution has ended.</summary>
public sealed record ExecutionRecord(
    string Arn,
    string StateMachineArn,
    string Name,
    string Input,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate = null,
    string? Output = null,
    string? Error = null,
    string? Cause = null,
    string? HistoryJson = null);
