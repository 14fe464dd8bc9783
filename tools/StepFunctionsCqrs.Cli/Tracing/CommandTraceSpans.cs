namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>A command's spans as the local cloud holds them.</summary>
/// <param name="CommandId">The command.</param>
/// <param name="TraceIds">Its traces, oldest first.</param>
/// <param name="Spans">Their kept spans.</param>
/// <param name="DroppedSpans">Spans past the local cloud's per-trace limit, not kept.</param>
public sealed record CommandTraceSpans(string CommandId, IReadOnlyList<string> TraceIds, IReadOnlyList<TraceSpan> Spans, int DroppedSpans);
