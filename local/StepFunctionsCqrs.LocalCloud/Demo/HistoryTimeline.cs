using System.Globalization;
using System.Text;
using System.Text.Json;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.Demo;

/// <summary>An execution history as a readable timeline: offset from the start, event type, state or error.</summary>
public static class HistoryTimeline
{
    /// <summary>One line per event.</summary>
    public static string Format(IReadOnlyList<HistoryEvent> events)
    {
        if (events.Count == 0)
        {
            return "  (no events)";
        }

        var start = events[0].Timestamp;
        var text = new StringBuilder();
        foreach (var e in events)
        {
            var offset = (e.Timestamp - start).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture).PadLeft(6);
            text.Append(CultureInfo.InvariantCulture, $"  +{offset} ms  #{e.Id,-3} {e.Type,-28} {Detail(e)}").AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    private static string Detail(HistoryEvent e)
    {
        foreach (var (_, details) in e.Details ?? [])
        {
            if (details.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (details.TryGetProperty("name", out var name))
            {
                return name.GetString() ?? "";
            }

            if (details.TryGetProperty("error", out var error))
            {
                return $"{error.GetString()}";
            }

            if (details.TryGetProperty("resource", out var resource))
            {
                return resource.GetString()?.Split(':').Last() ?? "";
            }
        }

        return "";
    }
}
