namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>What the local cloud holds of one command's traces.</summary>
/// <param name="CommandId">The command.</param>
/// <param name="TraceIds">The traces its spans belong to, oldest first (one, unless its messages carried different trace contexts).</param>
/// <param name="Spans">Every kept span of those traces, by start time.</param>
/// <param name="DroppedSpans">Spans of those traces not kept because a trace reached <see cref="SpanStoreLimits.MaxSpansPerTrace"/>.</param>
public sealed record CommandSpans(string CommandId, IReadOnlyList<string> TraceIds, IReadOnlyList<SpanRecord> Spans, int DroppedSpans);
