using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Lays a definition out as nested nodes and one flat edge list, asking for each node's status by id.</summary>
internal sealed class GraphBuilder(Func<string, string> statusOf)
{
    private readonly List<GraphEdge> edges = [];

    public StateGraph Build(JsonObject? definition) => new(Block(definition, NodeIds.Root), edges);

    private List<GraphNode> Block(JsonObject? block, string prefix)
    {
        var states = block?["States"] as JsonObject ?? [];
        var start = NodeIds.Start(prefix);
        var end = NodeIds.End(prefix);
        var nodes = new List<GraphNode> { new(start, "Start", GraphNodeKinds.Start, null, statusOf(start), null, []) };
        Edge(states, prefix, start, JsonText.Of(block?["StartAt"]), GraphEdgeKinds.Start, null);

        foreach (var (name, value) in states)
        {
            var id = NodeIds.State(prefix, name);
            var state = value as JsonObject ?? [];
            var type = JsonText.Of(state["Type"]);
            nodes.Add(new GraphNode(id, name, GraphNodeKinds.State, type, statusOf(id), state.DeepClone(), Groups(id, type, state)));
            Transitions(states, prefix, id, type, state, end);
        }

        nodes.Add(new GraphNode(end, "End", GraphNodeKinds.End, null, statusOf(end), null, []));
        return nodes;
    }

    private List<GraphNode> Groups(string id, string? type, JsonObject state)
    {
        var groups = new List<GraphNode>();
        if (type == "Parallel" && state["Branches"] is JsonArray branches)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                var group = NodeIds.Branch(id, i);
                groups.Add(new GraphNode(group, $"Branch {i + 1}", GraphNodeKinds.Branch, null, statusOf(group), null, Block(branches[i] as JsonObject, group)));
            }
        }
        else if (type == "Map" && (state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
        {
            var group = NodeIds.Iterator(id);
            groups.Add(new GraphNode(group, "Iterator", GraphNodeKinds.Iterator, null, statusOf(group), null, Block(processor, group)));
        }

        return groups;
    }

    private void Transitions(JsonObject states, string prefix, string id, string? type, JsonObject state, string end)
    {
        if (type == "Choice")
        {
            foreach (var rule in state["Choices"] as JsonArray ?? [])
            {
                Edge(states, prefix, id, JsonText.Of(rule?["Next"]), GraphEdgeKinds.Choice, ChoiceRuleLabel.Of(rule));
            }

            Edge(states, prefix, id, JsonText.Of(state["Default"]), GraphEdgeKinds.Default, "Default");
        }
        else if (JsonText.Of(state["Next"]) is { } next)
        {
            Edge(states, prefix, id, next, GraphEdgeKinds.Next, null);
        }
        else if (type is "Succeed" or "Fail" || JsonText.IsTrue(state["End"]))
        {
            edges.Add(new GraphEdge(EdgeId(), id, end, GraphEdgeKinds.Next, null));
        }

        foreach (var catcher in state["Catch"] as JsonArray ?? [])
        {
            var errors = (catcher?["ErrorEquals"] as JsonArray ?? []).Select(JsonText.Of).OfType<string>();
            Edge(states, prefix, id, JsonText.Of(catcher?["Next"]), GraphEdgeKinds.Catch, string.Join(", ", errors));
        }
    }

    // A Next naming no state of the block draws nothing: every edge must end at a node the page can find.
    private void Edge(JsonObject states, string prefix, string source, string? targetName, string kind, string? label)
    {
        if (targetName is not null && states.ContainsKey(targetName))
        {
            edges.Add(new GraphEdge(EdgeId(), source, NodeIds.State(prefix, targetName), kind, label));
        }
    }

    private string EdgeId() => $"edge-{edges.Count}";
}
