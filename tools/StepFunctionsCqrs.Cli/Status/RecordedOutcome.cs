namespace StepFunctionsCqrs.Cli.Status;

/// <summary>A command's outcome as the status view holds it.</summary>
/// <param name="Status">Accepted, Rejected or Failed.</param>
/// <param name="RecordedAt">When the pipeline recorded the outcome, by the recording function's clock.</param>
public sealed record RecordedOutcome(string Status, DateTimeOffset RecordedAt);
