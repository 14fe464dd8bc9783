using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>Details carrying an output: executionSucceeded, taskSucceeded, lambdaFunctionSucceeded.</summary>
public sealed class OutputEventDetails(LazyJson output, string? resourceType = null, string? resource = null) : HistoryEventDetails
{
    /// <summary>The output.</summary>
    public LazyJson Output { get; } = output;

    /// <summary>The service integration's resource type, for Task events.</summary>
    public string? ResourceType { get; } = resourceType;

    /// <summary>The service integration's resource, for Task events.</summary>
    public string? Resource { get; } = resource;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        if (ResourceType is not null) writer.WriteString("resourceType", ResourceType);
        if (Resource is not null) writer.WriteString("resource", Resource);
        writer.WriteString("output", Output.Text);
        PayloadDetails.Write(writer, "outputDetails");
    }
}
