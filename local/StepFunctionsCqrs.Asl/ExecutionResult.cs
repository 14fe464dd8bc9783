using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Asl;

/// <summary>The outcome of one execution, with its full history.</summary>
public sealed record ExecutionResult(
    ExecutionStatus Status,
    string Name,
    string ExecutionArn,
    string StateMachineArn,
    JsonNode? Input,
    JsonNode? Output,
    string? Error,
    string? Cause,
    DateTimeOffset StartDate,
    DateTimeOffset StopDate,
    ExecutionHistory History)
{
    /// <summary>The output as JSON text, or null when the execution did not succeed.</summary>
    public string? OutputJson => Status == ExecutionStatus.Succeeded ? Output?.ToJsonString() ?? "null" : null;

    /// <summary>Where a redrive would run on from; null when the execution succeeded or ended before any state ran.</summary>
    public RedrivePoint? RedrivePoint { get; init; }
}
