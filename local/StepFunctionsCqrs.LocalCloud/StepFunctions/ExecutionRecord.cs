namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// A stored execution; <see cref="HistoryJson"/> is the event array once the execution has ended (while a redriven
/// one runs, the events of its earlier runs). <see cref="TestCase"/> names the mock configuration's test case it runs
/// on, <see cref="RedrivePoint"/> where a redrive would go on from.
/// </summary>
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
    string? HistoryJson = null,
    string? TestCase = null,
    int RedriveCount = 0,
    DateTimeOffset? RedriveDate = null,
    string? RedrivePoint = null,
    string? RedriveToken = null);
