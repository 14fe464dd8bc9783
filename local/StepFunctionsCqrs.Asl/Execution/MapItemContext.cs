using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>$$.Map.Item for one Map iteration.</summary>
internal sealed record MapItemContext(int Index, JsonNode? Value);
