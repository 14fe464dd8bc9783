namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>One finished span of the in-process functions, as the local cloud keeps it and <c>GET /telemetry</c> answers it.</summary>
/// <param name="TraceId">The W3C trace id, 32 hex digits.</param>
/// <param name="SpanId">The span id, 16 hex digits.</param>
/// <param name="ParentSpanId">The parent's span id; null for a root. The parent may be in another process (the client that submitted).</param>
/// <param name="Name">The span's name: Dispatch, a task's state, DynamoDB.PutItem …</param>
/// <param name="Kind">Server, Client, Consumer, Producer or Internal.</param>
/// <param name="Start">When it started.</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Status">Unset, Ok or Error.</param>
/// <param name="StatusDescription">What the error was, when the span says.</param>
/// <param name="CommandId">The command it worked on, when tagged.</param>
/// <param name="Tags">Its tags, as text.</param>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    string Status,
    string? StatusDescription,
    string? CommandId,
    IReadOnlyDictionary<string, string> Tags);
