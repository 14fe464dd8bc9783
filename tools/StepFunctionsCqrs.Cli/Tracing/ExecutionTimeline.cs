namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>An execution's history as the states it went through, in the order they were entered.</summary>
/// <param name="Started">When the execution started.</param>
/// <param name="Ended">When it ended; null while it runs.</param>
/// <param name="Outcome">The last execution-level event, e.g. ExecutionSucceeded; null while it runs.</param>
/// <param name="Error">The execution's error, when it failed.</param>
/// <param name="Cause">The execution's cause, when it failed.</param>
/// <param name="States">The state visits in order of entry.</param>
public sealed record ExecutionTimeline(
    DateTimeOffset? Started,
    DateTimeOffset? Ended,
    string? Outcome,
    string? Error,
    string? Cause,
    IReadOnlyList<StateVisit> States);
