namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>One span of a command's trace, as the local cloud's <c>GET /telemetry/commands/{commandId}/spans</c> answers it.</summary>
/// <param name="TraceId">The trace id.</param>
/// <param name="SpanId">The span id.</param>
/// <param name="ParentSpanId">The parent's span id; null for a root.</param>
/// <param name="Name">Dispatch, a task's state, DynamoDB.PutItem …</param>
/// <param name="Start">When it started.</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Status">Unset, Ok or Error.</param>
/// <param name="StatusDescription">What the error was, when the span says.</param>
/// <param name="Tags">Its tags, as text.</param>
public sealed record TraceSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    DateTimeOffset Start,
    double DurationMs,
    string Status,
    string? StatusDescription,
    IReadOnlyDictionary<string, string>? Tags)
{
    /// <summary>When it ended.</summary>
    public DateTimeOffset End => Start + TimeSpan.FromMilliseconds(DurationMs);
}
