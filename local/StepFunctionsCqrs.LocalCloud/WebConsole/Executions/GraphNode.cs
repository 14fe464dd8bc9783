using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// One node of the graph: a block's start or end, a state, or a group (a Parallel branch, a Map iterator) whose children
/// are that block's start, states and end. <see cref="Kind"/> is one of <see cref="GraphNodeKinds"/>, <see cref="Status"/>
/// one of <see cref="RunStatus"/>; the id is unique in the graph, stable for a definition and safe as an HTML id.
/// </summary>
public sealed record GraphNode(string Id, string Label, string Kind, string? StateType, string Status, JsonNode? Definition, IReadOnlyList<GraphNode> Children);
