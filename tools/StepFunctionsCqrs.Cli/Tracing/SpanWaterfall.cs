namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>
/// A trace's spans in waterfall order: each span followed by its children, earliest first, with its depth below the
/// roots. A span whose parent is not among them (the submitting client's, in another process) is a root.
/// </summary>
public static class SpanWaterfall
{
    /// <summary>The rows, parents before their children.</summary>
    public static IReadOnlyList<(int Depth, TraceSpan Span)> Order(IReadOnlyList<TraceSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans
            .Where(s => s.ParentSpanId is { } parent && ids.Contains(parent))
            .GroupBy(s => s.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList(), StringComparer.Ordinal);
        var rows = new List<(int, TraceSpan)>(spans.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(TraceSpan span, int depth)
        {
            // Span ids are unique in a sound trace; a repeated one must not loop forever.
            if (!visited.Add(span.SpanId))
            {
                return;
            }

            rows.Add((depth, span));
            foreach (var child in children.GetValueOrDefault(span.SpanId) ?? [])
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in spans.Where(s => s.ParentSpanId is not { } parent || !ids.Contains(parent)).OrderBy(s => s.Start))
        {
            Visit(root, 0);
        }

        return rows;
    }
}
