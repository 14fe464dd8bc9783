using System.Text.Json;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Reads members of a wire history event's details object, whatever its name, tolerating events without one.</summary>
internal static class EventDetails
{
    public static string? String(HistoryEvent e, string member) =>
        Member(e, member) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static int? Int(HistoryEvent e, string member) =>
        Member(e, member) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    private static JsonElement? Member(HistoryEvent e, string member)
    {
        if (e.Details is null)
        {
            return null;
        }

        foreach (var details in e.Details.Values)
        {
            if (details.ValueKind == JsonValueKind.Object && details.TryGetProperty(member, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
