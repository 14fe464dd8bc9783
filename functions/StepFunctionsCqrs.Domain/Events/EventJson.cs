using System.Text.Json;

namespace StepFunctionsCqrs.Domain.Events;

/// <summary>The one JSON form of events, shared by the commit log and the projections.</summary>
public static class EventJson
{
    /// <summary>camelCase, ISO dates; the stable type name goes in "type".</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Stored or relayed JSON may have been rewritten with keys reordered; the type name need not come first.
        AllowOutOfOrderMetadataProperties = true,
    };

    /// <summary>Serializes events as a JSON array.</summary>
    public static string Serialize(IReadOnlyList<IDomainEvent> events) =>
        JsonSerializer.Serialize(events, Options);

    /// <summary>Reads a JSON array written by <see cref="Serialize"/>.</summary>
    public static IReadOnlyList<IDomainEvent> Deserialize(string json) =>
        JsonSerializer.Deserialize<IDomainEvent[]>(json, Options)
        ?? throw new JsonException("The event list is null.");
}
