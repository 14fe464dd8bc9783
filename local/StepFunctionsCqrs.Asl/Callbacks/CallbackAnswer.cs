using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>How a worker ended a callback task: its output, or the error and cause it failed with.</summary>
internal sealed record CallbackAnswer(bool Succeeded, JsonNode? Output, string? Error, string? Cause);
