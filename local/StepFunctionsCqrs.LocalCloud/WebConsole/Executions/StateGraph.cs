namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The definition as nested nodes (start, states, end; Parallel branches and Map iterators as groups) and one flat list of edges.</summary>
public sealed record StateGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
