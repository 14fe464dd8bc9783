using System.Diagnostics;

namespace StepFunctionsCqrs.Functions.Tracing;

/// <summary>
/// The pipeline's traces: one <see cref="ActivitySource"/> for every span the pipeline makes, and the W3C trace context
/// that links them from the client that created a command, through its SQS message and Dispatch, to every handler.
/// </summary>
public static class PipelineTrace
{
    /// <summary>The source every span of the pipeline comes from; listen to it to collect them.</summary>
    public const string SourceName = "StepFunctionsCqrs";

    /// <summary>The SQS message attribute that carries the W3C <c>traceparent</c> of whoever sent the command.</summary>
    public const string MessageAttribute = "traceparent";

    /// <summary>The tag naming the command a span worked on.</summary>
    public const string CommandIdTag = "cqrs.command_id";

    /// <summary>The source.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The parent a <c>traceparent</c> names, or none when it is absent or not a valid W3C one.</summary>
    public static ActivityContext ParentFrom(string? traceParent) =>
        traceParent is { Length: 55 } && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent) ? parent : default;

    /// <summary>The <c>traceparent</c> to pass on: the span's own when one is recorded, else the one received, so the chain holds when nothing listens.</summary>
    public static string? TraceParentOf(Activity? span, string? received) =>
        span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : ParentFrom(received) == default ? null : received;

    /// <summary>A new <c>traceparent</c> for a command created where nothing traces: a trace of its own, sampled.</summary>
    public static string NewTraceParent() => $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
}
