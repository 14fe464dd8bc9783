namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>How much the span store keeps: the newest <paramref name="MaxTraces"/> traces, each up to <paramref name="MaxSpansPerTrace"/> spans.</summary>
/// <param name="MaxTraces">Traces kept; the one begun longest ago is dropped to make room for a new one.</param>
/// <param name="MaxSpansPerTrace">Spans kept per trace; later ones are counted as dropped.</param>
public sealed record SpanStoreLimits(int MaxTraces, int MaxSpansPerTrace)
{
    /// <summary>
    /// 1,000 traces of up to 256 spans: a command's trace has about 20 (Dispatch, six tasks, their DynamoDB calls), so
    /// this holds the last thousand commands in a few megabytes, and a retry storm cannot grow one trace without bound.
    /// </summary>
    public static SpanStoreLimits Default { get; } = new(1_000, 256);
}
