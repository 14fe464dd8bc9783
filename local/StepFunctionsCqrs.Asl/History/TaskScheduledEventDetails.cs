using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>taskScheduledEventDetails, or lambdaFunctionScheduledEventDetails when <see cref="ResourceType"/> is null.</summary>
public sealed class TaskScheduledEventDetails(string? resourceType, string resource, string region, LazyJson parameters, int? timeoutInSeconds, int? heartbeatInSeconds) : HistoryEventDetails
{
    /// <summary>The integration's resource type (e.g. "lambda"), null for a Lambda function ARN.</summary>
    public string? ResourceType { get; } = resourceType;

    /// <summary>The resource (action, or the function ARN).</summary>
    public string Resource { get; } = resource;

    /// <summary>The region of the resource.</summary>
    public string Region { get; } = region;

    /// <summary>The task's effective input.</summary>
    public LazyJson Parameters { get; } = parameters;

    /// <summary>The task's timeout, if any.</summary>
    public int? TimeoutInSeconds { get; } = timeoutInSeconds;

    /// <summary>The task's heartbeat interval, if any.</summary>
    public int? HeartbeatInSeconds { get; } = heartbeatInSeconds;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        if (ResourceType is null)
        {
            writer.WriteString("resource", Resource);
            writer.WriteString("input", Parameters.Text);
            PayloadDetails.Write(writer, "inputDetails");
        }
        else
        {
            writer.WriteString("resourceType", ResourceType);
            writer.WriteString("resource", Resource);
            writer.WriteString("region", Region);
            writer.WriteString("parameters", Parameters.Text);
        }
        if (TimeoutInSeconds is { } t) writer.WriteNumber("timeoutInSeconds", t);
        if (HeartbeatInSeconds is { } h && ResourceType is not null) writer.WriteNumber("heartbeatInSeconds", h);
    }
}
