using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>
/// Renders a command's spans as text: per span its offset from the first span's start, its duration, a bar placing it
/// on the trace's time axis, its name indented under its parent, and how it failed.
/// </summary>
public static class WaterfallRenderer
{
    /// <summary>Columns of the bar.</summary>
    public const int BarWidth = 32;

    /// <summary>The separator between the bar and the indented name, where a reader (or a test) finds the depth.</summary>
    public const string NameSeparator = "| ";

    /// <summary>The waterfall's lines: a heading, then one line per span.</summary>
    public static IReadOnlyList<string> Render(CommandTraceSpans trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var lines = new List<string>
        {
            $"spans of {trace.CommandId}: {trace.Spans.Count} in trace {string.Join(", ", trace.TraceIds)}"
                + (trace.DroppedSpans > 0 ? $" ({trace.DroppedSpans} more not kept: the local cloud's per-trace limit)" : ""),
        };
        if (trace.Spans.Count == 0)
        {
            return lines;
        }

        var origin = trace.Spans.Min(s => s.Start);
        var total = Math.Max(0.001, (trace.Spans.Max(s => s.End) - origin).TotalMilliseconds);
        foreach (var (depth, span) in SpanWaterfall.Order(trace.Spans))
        {
            var offset = (span.Start - origin).TotalMilliseconds;
            lines.Add($"{"+" + Ms(offset),10} {Ms(span.DurationMs),10} |{Bar(offset, span.DurationMs, total)}{NameSeparator}{new string(' ', depth * 2)}{span.Name}{Detail(span)}");
        }

        return lines;
    }

    // Dots rather than spaces around the bar, so the first "| " on a line is the one before the name.
    private static string Bar(double offset, double duration, double total)
    {
        var start = Math.Clamp((int)Math.Floor(offset / total * BarWidth), 0, BarWidth - 1);
        var length = Math.Clamp((int)Math.Round(duration / total * BarWidth), 1, BarWidth - start);
        return new StringBuilder(BarWidth).Append('·', start).Append('█', length).Append('·', BarWidth - start - length).ToString();
    }

    private static string Detail(TraceSpan span)
    {
        var tags = span.Tags ?? new Dictionary<string, string>();
        var detail = tags.TryGetValue("aws.dynamodb.table_names", out var table) ? $" {table}" : "";
        if (span.Status == "Error")
        {
            return detail + $"  ERROR {span.StatusDescription ?? tags.GetValueOrDefault("error.type") ?? ""}".TrimEnd();
        }

        // A refused condition is an answer, not a failure: shown, but not as an error.
        return tags.TryGetValue("error.type", out var answered) ? detail + $"  ({answered})" : detail;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + "ms";
}
