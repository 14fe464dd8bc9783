using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>Reads an analysis the way the page does: nodes at every depth, runs by name.</summary>
public static class GraphNodes
{
    /// <summary>Every node of the graph, children included.</summary>
    public static IEnumerable<GraphNode> All(this StateGraph graph) => graph.Nodes.SelectMany(Self);

    /// <summary>The node with this id.</summary>
    public static GraphNode Node(this StateGraph graph, string id) => Assert.Single(graph.All(), n => n.Id == id);

    /// <summary>The one top-level run of a state.</summary>
    public static StateRun Run(this ExecutionAnalysis analysis, string name) => Assert.Single(analysis.States, r => r.Name == name);

    private static IEnumerable<GraphNode> Self(GraphNode node) => node.Children.SelectMany(Self).Prepend(node);
}
