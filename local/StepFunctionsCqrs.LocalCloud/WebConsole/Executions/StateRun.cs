using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// One entry into a state and what came of it. Times are milliseconds since the execution started; durations are null
/// while the run goes on. <see cref="Attempts"/> has one entry per task scheduled; <see cref="Groups"/> one per Parallel
/// branch or Map iteration run.
/// </summary>
public sealed record StateRun(
    string Id,
    string Name,
    string StateType,
    string Status,
    string? Resource,
    long EnteredEventId,
    long? ExitedEventId,
    double StartedAfterMs,
    double? DurationMs,
    JsonNode? Input,
    JsonNode? Output,
    JsonNode? Parameters,
    string? Error,
    string? Cause,
    IReadOnlyList<TaskAttempt> Attempts,
    IReadOnlyList<StateRunGroup> Groups);
