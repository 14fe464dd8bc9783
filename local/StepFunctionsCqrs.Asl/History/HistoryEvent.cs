using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>One event of an execution's history, as GetExecutionHistory reports it.</summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type, HistoryEventDetails? Details)
{
    /// <summary>The JSON member name of the details, e.g. stateEnteredEventDetails or taskFailedEventDetails.</summary>
    public string? DetailsName => Details is null ? null
        : Type.EndsWith("StateEntered", StringComparison.Ordinal) ? "stateEnteredEventDetails"
        : Type.EndsWith("StateExited", StringComparison.Ordinal) ? "stateExitedEventDetails"
        : char.ToLowerInvariant(Type[0]) + Type[1..] + "EventDetails";

    /// <summary>Writes the event as a GetExecutionHistory event object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("timestamp", Timestamp.ToUnixTimeMilliseconds() / 1000.0);
        writer.WriteString("type", Type);
        writer.WriteNumber("id", Id);
        writer.WriteNumber("previousEventId", PreviousEventId);
        if (Details is not null)
        {
            writer.WriteStartObject(DetailsName!);
            Details.WriteMembers(writer);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
