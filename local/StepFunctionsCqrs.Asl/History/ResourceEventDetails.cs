using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>taskStartedEventDetails: which integration started.</summary>
public sealed class ResourceEventDetails(string resourceType, string resource) : HistoryEventDetails
{
    /// <summary>The integration's resource type.</summary>
    public string ResourceType { get; } = resourceType;

    /// <summary>The integration's resource.</summary>
    public string Resource { get; } = resource;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
    }
}
