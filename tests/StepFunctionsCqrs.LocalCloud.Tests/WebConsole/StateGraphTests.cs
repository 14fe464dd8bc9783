using System.Text.Json;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

public sealed partial class StateGraphTests
{
    [GeneratedRegex("^[A-Za-z0-9_./-]+$")]
    private static partial Regex SafeId();

    private static GraphEdge[] From(StateGraph graph, string source) => [.. graph.Edges.Where(e => e.Source == source)];

    [Fact]
    public void Choice_rules_are_labelled_with_a_readable_summary_and_the_default_with_Default()
    {
        var choices = From(Showcase.Graph(), "Check_20_231");

        Assert.Equal(
            [
                (GraphEdgeKinds.Choice, "$.n NumericEquals 2", "Fan_20out"),
                (GraphEdgeKinds.Choice, "Not($.n NumericLessThan 3)", "Each_20item"),
                (GraphEdgeKinds.Choice, "And($.a IsPresent true, $.s StringEquals \"go\")", "Hold"),
                (GraphEdgeKinds.Choice, "$.a StringEqualsPath $.b", "Give_20up"),
                (GraphEdgeKinds.Default, "Default", "Give_20up"),
            ],
            choices.Select(e => (e.Kind, e.Label, e.Target)));
    }

    [Fact]
    public void A_catch_edge_is_labelled_with_the_errors_it_catches()
    {
        var edges = From(Showcase.Graph(), "Fan_20out");

        Assert.Equal([(GraphEdgeKinds.Next, null, "Each_20item"), (GraphEdgeKinds.Catch, "Flaky, States.Timeout", "Give_20up")], edges.Select(e => (e.Kind, e.Label, e.Target)));
    }

    [Fact]
    public void Node_ids_are_unique_and_safe_and_every_edge_joins_two_nodes_of_the_graph()
    {
        foreach (var graph in (StateGraph[])[Showcase.Graph(), ExecutionAnalyzer.Analyze(CommandPipeline.Definition(), []).Graph])
        {
            var ids = graph.All().Select(n => n.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches(SafeId(), id));
            Assert.All(graph.Edges, e => Assert.Contains(e.Source, ids));
            Assert.All(graph.Edges, e => Assert.Contains(e.Target, ids));
            Assert.Equal(graph.Edges.Count, graph.Edges.Select(e => e.Id).Distinct().Count());
        }
    }

    [Fact]
    public void Names_that_differ_only_in_characters_an_id_cannot_hold_still_get_different_ids()
    {
        var definition = """
            { "StartAt": "a b", "States": {
              "a b": { "Type": "Pass", "Next": "a_b" }, "a_b": { "Type": "Pass", "Next": "a/b" }, "a/b": { "Type": "Pass", "Next": "_start" },
              "_start": { "Type": "Pass", "Next": "é" }, "é": { "Type": "Pass", "End": true } } }
            """;
        var graph = ExecutionAnalyzer.Analyze(definition, []).Graph;

        Assert.Equal(["_start", "a_20b", "a__b", "a_2Fb", "__start", "_C3_A9", "_end"], graph.Nodes.Select(n => n.Id));
        Assert.Equal(["Start", "a b", "a_b", "a/b", "_start", "é", "End"], graph.Nodes.Select(n => n.Label));
    }

    [Fact]
    public void Parallel_branches_and_a_Map_iterator_are_groups_holding_their_own_start_states_and_end()
    {
        var graph = Showcase.Graph();

        Assert.Equal(["_start", "Check_20_231", "Hold", "Fan_20out", "Each_20item", "Done", "Give_20up", "_end"], graph.Nodes.Select(n => n.Id));
        var fanOut = graph.Node("Fan_20out");
        Assert.Equal(("Parallel", GraphNodeKinds.State, "Fan out"), (fanOut.StateType, fanOut.Kind, fanOut.Label));
        Assert.Equal([("Fan_20out/branch-0", "Branch 1", GraphNodeKinds.Branch), ("Fan_20out/branch-1", "Branch 2", GraphNodeKinds.Branch)],
            fanOut.Children.Select(c => (c.Id, c.Label, c.Kind)));
        Assert.Equal(["Fan_20out/branch-1/_start", "Fan_20out/branch-1/Pause", "Fan_20out/branch-1/Branch_20done", "Fan_20out/branch-1/_end"],
            fanOut.Children[1].Children.Select(c => c.Id));
        Assert.All(fanOut.Children, c => Assert.Null(c.StateType));
        Assert.All(fanOut.Children, c => Assert.Null(c.Definition));

        var iterator = Assert.Single(graph.Node("Each_20item").Children);
        Assert.Equal(("Each_20item/iterator", "Iterator", GraphNodeKinds.Iterator), (iterator.Id, iterator.Label, iterator.Kind));
        Assert.Equal([GraphNodeKinds.Start, GraphNodeKinds.State, GraphNodeKinds.End], iterator.Children.Select(c => c.Kind));

        Assert.Contains(graph.Edges, e => (e.Source, e.Target, e.Kind) == ("Fan_20out/branch-1/_start", "Fan_20out/branch-1/Pause", GraphEdgeKinds.Start));
        Assert.Contains(graph.Edges, e => (e.Source, e.Target, e.Kind) == ("Fan_20out/branch-1/Branch_20done", "Fan_20out/branch-1/_end", GraphEdgeKinds.Next));
        Assert.Contains(graph.Edges, e => (e.Source, e.Target, e.Kind) == ("Fan_20out/branch-0/Work", "Fan_20out/branch-0/_end", GraphEdgeKinds.Next));
        Assert.Contains(graph.Edges, e => (e.Source, e.Target, e.Kind) == ("_start", "Check_20_231", GraphEdgeKinds.Start));
    }

    [Fact]
    public void A_Fail_state_has_an_edge_to_its_block_end_and_every_state_carries_its_own_definition()
    {
        var graph = Showcase.Graph();

        Assert.Equal([("_end", GraphEdgeKinds.Next)], From(graph, "Give_20up").Select(e => (e.Target, e.Kind)));
        var giveUp = graph.Node("Give_20up");
        Assert.Equal("Fail", giveUp.StateType);
        Assert.Equal("GaveUp", giveUp.Definition!["Error"]!.GetValue<string>());
        Assert.Equal(1, graph.Node("Hold").Definition!["Seconds"]!.GetValue<int>());
        Assert.All(graph.All(), n => Assert.Equal(RunStatus.NotRun, n.Status));
    }

    [Fact]
    public void A_definition_that_is_not_json_gives_just_a_start_and_an_end()
    {
        var analysis = ExecutionAnalyzer.Analyze("{ not json", []);

        Assert.Equal([GraphNodeKinds.Start, GraphNodeKinds.End], analysis.Graph.Nodes.Select(n => n.Kind));
        Assert.Empty(analysis.Graph.Edges);
        Assert.Empty(analysis.States);
        Assert.Equal(0, analysis.Transitions);
        Assert.Null(analysis.Failure);
    }

    [Fact]
    public void The_analysis_serializes_to_the_camel_case_names_the_page_reads()
    {
        var json = JsonSerializer.Serialize(ExecutionAnalyzer.Analyze(Showcase.Definition, []), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        foreach (var name in (string[])["\"graph\":", "\"nodes\":", "\"edges\":", "\"states\":", "\"transitions\":", "\"failure\":", "\"id\":", "\"label\":",
            "\"kind\":", "\"stateType\":", "\"status\":", "\"definition\":", "\"children\":", "\"source\":", "\"target\":"])
        {
            Assert.Contains(name, json);
        }
    }
}
