namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>
/// Finished spans in memory, by trace id and by command id, within <see cref="SpanStoreLimits"/>: when a new trace
/// would pass <see cref="SpanStoreLimits.MaxTraces"/>, the trace begun longest ago goes, with its place in the command
/// index; spans past <see cref="SpanStoreLimits.MaxSpansPerTrace"/> are only counted.
/// </summary>
public sealed class SpanStore(SpanStoreLimits limits)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TraceEntry> traces = new(StringComparer.Ordinal);
    private readonly LinkedList<string> arrival = new();
    private readonly Dictionary<string, List<string>> byCommand = new(StringComparer.Ordinal);

    /// <summary>The limits it keeps to.</summary>
    public SpanStoreLimits Limits { get; } = limits;

    /// <summary>How many traces it holds.</summary>
    public int TraceCount
    {
        get
        {
            lock (gate)
            {
                return traces.Count;
            }
        }
    }

    /// <summary>Keeps a finished span, making room for its trace if it is a new one.</summary>
    public void Add(SpanRecord span)
    {
        ArgumentNullException.ThrowIfNull(span);
        lock (gate)
        {
            if (!traces.TryGetValue(span.TraceId, out var trace))
            {
                while (traces.Count >= Limits.MaxTraces && arrival.First is { } oldest)
                {
                    Evict(oldest.Value);
                }

                trace = new TraceEntry(arrival.AddLast(span.TraceId));
                traces[span.TraceId] = trace;
            }

            if (trace.Spans.Count >= Limits.MaxSpansPerTrace)
            {
                trace.Dropped++;
                return;
            }

            trace.Spans.Add(span);
            if (span.CommandId is { Length: > 0 } commandId && trace.Commands.Add(commandId))
            {
                if (!byCommand.TryGetValue(commandId, out var ids))
                {
                    byCommand[commandId] = ids = [];
                }

                ids.Add(span.TraceId);
            }
        }
    }

    /// <summary>The spans of every kept trace that worked on <paramref name="commandId"/>, or null when none is kept.</summary>
    public CommandSpans? ForCommand(string commandId)
    {
        lock (gate)
        {
            if (!byCommand.TryGetValue(commandId, out var ids))
            {
                return null;
            }

            var kept = ids.Select(id => traces[id]).ToList();
            return new CommandSpans(commandId, [.. ids],
                [.. kept.SelectMany(t => t.Spans).OrderBy(s => s.Start)], kept.Sum(t => t.Dropped));
        }
    }

    /// <summary>The spans of one kept trace, by start time, or null when it is not kept.</summary>
    public IReadOnlyList<SpanRecord>? ForTrace(string traceId)
    {
        lock (gate)
        {
            return traces.TryGetValue(traceId, out var trace) ? [.. trace.Spans.OrderBy(s => s.Start)] : null;
        }
    }

    private void Evict(string traceId)
    {
        var trace = traces[traceId];
        traces.Remove(traceId);
        arrival.Remove(trace.Arrival);
        foreach (var commandId in trace.Commands)
        {
            var ids = byCommand[commandId];
            ids.Remove(traceId);
            if (ids.Count == 0)
            {
                byCommand.Remove(commandId);
            }
        }
    }

    private sealed class TraceEntry(LinkedListNode<string> arrival)
    {
        public LinkedListNode<string> Arrival { get; } = arrival;

        public List<SpanRecord> Spans { get; } = [];

        public HashSet<string> Commands { get; } = new(StringComparer.Ordinal);

        public int Dropped { get; set; }
    }
}
