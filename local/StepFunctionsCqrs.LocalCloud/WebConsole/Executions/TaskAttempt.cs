namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// One scheduling of a task. <see cref="Outcome"/> is one of <see cref="AttemptOutcomes"/>; <see cref="WaitBeforeMs"/> is the
/// back-off between the previous attempt's end and this one's scheduling (null for the first attempt).
/// </summary>
public sealed record TaskAttempt(int Number, double StartedAfterMs, double? DurationMs, string Outcome, string? Error, string? Cause, double? WaitBeforeMs);
