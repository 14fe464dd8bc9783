namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>An execution as a listing shows it: no input, output or history, and its position in the start order.</summary>
public sealed record ExecutionSummary(
    string Arn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    long Seq,
    int RedriveCount = 0,
    DateTimeOffset? RedriveDate = null);
