using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>One event of an execution's history.</summary>
public sealed record HistoryEvent
{
    /// <summary>When the event happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The event type, e.g. <c>TaskStateEntered</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The event id, increasing from 1.</summary>
    public required long Id { get; init; }

    /// <summary>The event this one follows; 0 for the first event.</summary>
    public long PreviousEventId { get; init; }

    /// <summary>
    /// The event's details object keyed by its property name (for example <c>taskFailedEventDetails</c>).
    /// Kept as raw JSON because there are dozens of detail shapes and callers print or inspect only a few;
    /// settable because the serializer cannot fill extension data through an initializer.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Details { get; set; }
}
