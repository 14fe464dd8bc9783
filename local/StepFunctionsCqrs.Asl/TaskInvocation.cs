using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl;

/// <summary>One call of a Task state's resource.</summary>
public sealed class TaskInvocation(string resource, JsonNode? input, string stateName, string executionArn, int retryCount, string? taskToken, Action heartbeat)
{
    /// <summary>The Resource ARN as written in the definition (after substitutions).</summary>
    public string Resource { get; } = resource;

    /// <summary>The effective input: the state input after InputPath and Parameters. Do not modify it.</summary>
    public JsonNode? Input { get; } = input;

    /// <summary>The Task state's name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The execution's ARN ($$.Execution.Id).</summary>
    public string ExecutionArn { get; } = executionArn;

    /// <summary>How many times this state has been retried so far.</summary>
    public int RetryCount { get; } = retryCount;

    /// <summary>The task token for callback-pattern resources, otherwise null.</summary>
    public string? TaskToken { get; } = taskToken;

    /// <summary>Reports that the task is alive; resets the HeartbeatSeconds clock.</summary>
    public void SendHeartbeat() => heartbeat();
}
