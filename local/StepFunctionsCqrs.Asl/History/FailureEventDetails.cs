using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>Details carrying an error and cause: execution, task and Lambda failures, timeouts and aborts.</summary>
public sealed class FailureEventDetails(string? error, string? cause, string? resourceType = null, string? resource = null) : HistoryEventDetails
{
    /// <summary>The error name.</summary>
    public string? Error { get; } = error;

    /// <summary>The cause.</summary>
    public string? Cause { get; } = cause;

    /// <summary>The service integration's resource type, for Task events.</summary>
    public string? ResourceType { get; } = resourceType;

    /// <summary>The service integration's resource, for Task events.</summary>
    public string? Resource { get; } = resource;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        if (ResourceType is not null) writer.WriteString("resourceType", ResourceType);
        if (Resource is not null) writer.WriteString("resource", Resource);
        if (Error is not null) writer.WriteString("error", Error);
        if (Cause is not null) writer.WriteString("cause", Cause);
    }
}
