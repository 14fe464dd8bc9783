using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>What a state produced: its output and the state that follows (null ends the branch).</summary>
internal readonly record struct StateOutcome(JsonNode? Output, string? Next);
