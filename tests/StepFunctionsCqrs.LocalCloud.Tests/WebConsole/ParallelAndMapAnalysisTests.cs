using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

public sealed class ParallelAndMapAnalysisTests
{
    private const string Items = """[ { "id": "i0", "failures": 0 }, { "id": "i1", "failures": 1 }, { "id": "i2", "failures": 0 } ]""";

    private static async Task<ExecutionAnalysis> AnalyzeAsync(string input, ExecutionStatus expected)
    {
        var (result, history) = await EngineHistory.RunAsync(Showcase.Definition, input, new FlakyLambdas());
        Assert.Equal(expected, result.Status);
        return ExecutionAnalyzer.Analyze(Showcase.Definition, history);
    }

    [Fact]
    public async Task Parallel_branches_are_groups_of_runs_kept_apart_and_labelled_by_branch()
    {
        var analysis = await AnalyzeAsync($$"""{ "n": 2, "items": {{Items}} }""", ExecutionStatus.Succeeded);

        Assert.Equal(["Check #1", "Fan out", "Each item", "Done"], analysis.States.Select(s => s.Name));
        var fanOut = analysis.Run("Fan out");
        Assert.Equal(RunStatus.Succeeded, fanOut.Status);
        Assert.Equal([("Branch 1", 0), ("Branch 2", 1)], fanOut.Groups.Select(g => (g.Label, g.Index)));
        Assert.Equal(["Shape", "Work"], fanOut.Groups[0].States.Select(s => s.Name));
        Assert.Equal(["Pause", "Branch done"], fanOut.Groups[1].States.Select(s => s.Name));
        var work = fanOut.Groups[0].States[1];
        Assert.Equal(RunStatus.Retried, work.Status);
        Assert.Equal(2, work.Attempts.Count);
        Assert.Equal("b0", work.Parameters!["id"]!.GetValue<string>());
        Assert.True(fanOut.Groups[1].States[0].DurationMs >= 2000);
        Assert.All(fanOut.Groups, g => Assert.Equal(RunStatus.Succeeded, g.Status));

        var graph = analysis.Graph;
        Assert.Equal(RunStatus.Retried, graph.Node("Fan_20out/branch-0/Work").Status);
        Assert.Equal(RunStatus.Succeeded, graph.Node("Fan_20out/branch-0").Status);
        Assert.Equal(RunStatus.Succeeded, graph.Node("Fan_20out/branch-1/Branch_20done").Status);
        Assert.Equal(RunStatus.Succeeded, graph.Node("Fan_20out/branch-1/_end").Status);
        Assert.Equal(RunStatus.NotRun, graph.Node("Hold").Status);
        Assert.Equal(RunStatus.NotRun, graph.Node("Give_20up").Status);
        Assert.Equal(RunStatus.Succeeded, graph.Node("_end").Status);
        Assert.Equal(11, analysis.Transitions);
    }

    [Fact]
    public async Task Map_iterations_are_groups_by_index_and_the_iterated_state_takes_the_most_telling_status_of_its_runs()
    {
        var analysis = await AnalyzeAsync($$"""{ "n": 3, "items": {{Items}} }""", ExecutionStatus.Succeeded);

        var map = analysis.Run("Each item");
        Assert.Equal(RunStatus.Succeeded, map.Status);
        Assert.Equal([("Iteration 0", 0), ("Iteration 1", 1), ("Iteration 2", 2)], map.Groups.Select(g => (g.Label, g.Index)));
        Assert.Equal([1, 2, 1], map.Groups.Select(g => Assert.Single(g.States).Attempts.Count));
        Assert.Equal([RunStatus.Succeeded, RunStatus.Retried, RunStatus.Succeeded], map.Groups.Select(g => g.States[0].Status));
        Assert.Equal("i1", map.Groups[1].States[0].Input!["id"]!.GetValue<string>());
        Assert.All(map.Groups, g => Assert.Equal(RunStatus.Succeeded, g.Status));
        Assert.Equal(RunStatus.Retried, analysis.Graph.Node("Each_20item/iterator/Process").Status);
        Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("Each_20item/iterator").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Fan_20out").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Fan_20out/branch-0/_start").Status);
    }

    [Fact]
    public async Task An_iteration_failing_past_its_retries_fails_the_Map_and_its_task_is_the_failure_point()
    {
        var analysis = await AnalyzeAsync("""{ "n": 3, "items": [ { "id": "i0", "failures": 0 }, { "id": "i1", "failures": 9 } ] }""", ExecutionStatus.Failed);

        var map = analysis.Run("Each item");
        Assert.Equal(RunStatus.Failed, map.Status);
        Assert.Equal("Flaky", map.Error);
        Assert.Equal([RunStatus.Succeeded, RunStatus.Failed], map.Groups.Select(g => g.Status));
        var process = Assert.Single(map.Groups[1].States);
        Assert.Equal(RunStatus.Failed, process.Status);
        Assert.Equal(4, process.Attempts.Count);
        Assert.Equal(("Flaky", "Flaky on call 4"), (process.Error, process.Cause));
        Assert.Equal(new FailurePoint("Flaky", "Flaky on call 4", "Process", process.Id), analysis.Failure);
        Assert.Equal(RunStatus.Failed, analysis.Graph.Node("Each_20item/iterator/Process").Status);
        Assert.Equal(RunStatus.Failed, analysis.Graph.Node("Each_20item/iterator").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Done").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("_end").Status);
    }

    [Fact]
    public async Task A_retried_Parallel_keeps_the_branches_of_each_attempt_and_is_shown_retried()
    {
        var definition = $$"""
            { "StartAt": "Both", "States": { "Both": {
                "Type": "Parallel",
                "Branches": [ { "StartAt": "Flaky", "States": { "Flaky": {
                  "Type": "Task", "Resource": "{{FlakyLambdas.Arn("work")}}", "Parameters": { "id": "p", "failures": 1 }, "End": true } } } ],
                "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 1 } ],
                "End": true } } }
            """;
        var (result, history) = await EngineHistory.RunAsync(definition, "{}", new FlakyLambdas());
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);

        var analysis = ExecutionAnalyzer.Analyze(definition, history);

        var both = analysis.Run("Both");
        Assert.Equal(RunStatus.Retried, both.Status);
        Assert.Equal([("Branch 1", 0, RunStatus.Failed), ("Branch 1 (attempt 2)", 0, RunStatus.Succeeded)], both.Groups.Select(g => (g.Label, g.Index, g.Status)));
        Assert.Equal([RunStatus.Failed, RunStatus.Succeeded], both.Groups.Select(g => Assert.Single(g.States).Status));
        Assert.Equal(RunStatus.Retried, analysis.Graph.Node("Both").Status);
        Assert.Equal(RunStatus.Failed, analysis.Graph.Node("Both/branch-0/Flaky").Status);
        Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("Both/branch-0/_end").Status);
        Assert.Null(analysis.Failure);
    }

    [Fact]
    public async Task A_history_with_events_missing_and_details_stripped_is_read_without_throwing()
    {
        var (_, history) = await EngineHistory.RunAsync(Showcase.Definition, $$"""{ "n": 2, "items": {{Items}} }""", new FlakyLambdas());
        var damaged = history.Where((_, i) => i % 3 != 1).Select(e => e with { Details = null }).Reverse().ToList();

        var analysis = ExecutionAnalyzer.Analyze(Showcase.Definition, damaged);

        var ids = analysis.Graph.All().Select(n => n.Id).ToHashSet();
        Assert.All(analysis.Graph.Edges, e => Assert.Contains(e.Source, ids));
        Assert.NotEmpty(analysis.States);
        Assert.All(analysis.States, s => Assert.Null(s.Input));
    }
}
