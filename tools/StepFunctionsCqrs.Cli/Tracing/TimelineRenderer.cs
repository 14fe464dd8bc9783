using System.Globalization;
using Spectre.Console;

namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>Renders a timeline as a table: offset from the start, state, duration, retries, errors.</summary>
public static class TimelineRenderer
{
    /// <summary>The timeline table.</summary>
    public static Table Render(ExecutionTimeline timeline)
    {
        var table = new Table().AddColumns("#", "at", "state", "type", "took", "retries", "errors");
        var origin = timeline.Started ?? timeline.States.FirstOrDefault()?.Entered ?? DateTimeOffset.MinValue;
        var index = 0;
        foreach (var visit in timeline.States)
        {
            table.AddRow(
                (++index).ToString(CultureInfo.InvariantCulture),
                $"+{Seconds(visit.Entered - origin)}",
                Markup.Escape(visit.Name),
                Markup.Escape(visit.StateType),
                visit.Duration is { } took ? Seconds(took) : "[yellow]running[/]",
                visit.Retries == 0 ? "" : visit.Retries.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("; ", visit.Failures.Select(f => f.Cause is null ? f.Error : $"{f.Error}: {Shorten(f.Cause)}"))));
        }

        return table;
    }

    /// <summary>The one-line ending: how the execution ended and how long it took.</summary>
    public static string Ending(ExecutionTimeline timeline) => timeline.Outcome is null
        ? "still running"
        : $"{timeline.Outcome} after {Seconds((timeline.Ended ?? default) - (timeline.Started ?? default))}"
          + (timeline.Error is null ? "" : $": {timeline.Error}" + (timeline.Cause is null ? "" : $" ({Shorten(timeline.Cause)})"));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
