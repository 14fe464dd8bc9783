using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>A command's execution as Step Functions describes it: how it ended and which body it ran.</summary>
public sealed record ObservedExecution(string Status, string? Error, string? Cause, JsonNode? Command)
{
    /// <inheritdoc />
    public override string ToString() => Error is null ? $"execution {Status}" : $"execution {Status} with {Error}: {Cause?[..Math.Min(Cause.Length, 200)]}";
}
