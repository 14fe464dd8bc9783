using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

public sealed class CommandPipelineAnalysisTests
{
    private static readonly string Definition = CommandPipeline.Definition();

    private static async Task<ExecutionAnalysis> AnalyzeAsync(FlakyLambdas lambdas, ExecutionStatus expected)
    {
        var (result, history) = await EngineHistory.RunAsync(Definition, CommandPipeline.Input, lambdas);
        Assert.Equal(expected, result.Status);
        return ExecutionAnalyzer.Analyze(Definition, history);
    }

    [Fact]
    public async Task An_accepted_command_colours_its_path_succeeded_and_leaves_the_other_paths_not_run()
    {
        var analysis = await AnalyzeAsync(CommandPipeline.Accepting(), ExecutionStatus.Succeeded);

        Assert.Equal(["Validate", "IsValid", "Persist", "IsDecided", "Project", "RecordAccepted", "Accepted"], analysis.States.Select(s => s.Name));
        Assert.All(analysis.States, s => Assert.Equal(RunStatus.Succeeded, s.Status));
        Assert.Null(analysis.Failure);
        Assert.Equal(10, analysis.Transitions);

        var graph = analysis.Graph;
        foreach (var ran in (string[])["_start", "Validate", "IsValid", "Persist", "IsDecided", "Project", "RecordAccepted", "Accepted", "_end",
            "Project/branch-0", "Project/branch-0/_start", "Project/branch-0/ProjectAvailability", "Project/branch-0/_end", "Project/branch-2/ProjectArrivals"])
        {
            Assert.Equal(RunStatus.Succeeded, graph.Node(ran).Status);
        }

        foreach (var skipped in (string[])["RecordInvalid", "Rejected", "FindCommit", "WasCommitted", "RecordDeclined", "RecordFailed", "Failed", "ViewsBehind"])
        {
            Assert.Equal(RunStatus.NotRun, graph.Node(skipped).Status);
        }

        var validate = analysis.Run("Validate");
        Assert.Equal(FlakyLambdas.Arn("Validate"), validate.Resource);
        Assert.Equal("cmd-1", validate.Input!["command"]!["commandId"]!.GetValue<string>());
        Assert.True(validate.Output!["validation"]!["accepted"]!.GetValue<bool>());
        Assert.Equal("BookRoom", validate.Parameters!["command"]!["type"]!.GetValue<string>());
        Assert.Equal("m-1", validate.Parameters!["sqs"]!["messageId"]!.GetValue<string>());
        var attempt = Assert.Single(validate.Attempts);
        Assert.Equal(new TaskAttempt(1, attempt.StartedAfterMs, attempt.DurationMs, AttemptOutcomes.Succeeded, null, null, null), attempt);
        Assert.NotNull(validate.DurationMs);
        Assert.Equal(validate.EnteredEventId + 4, validate.ExitedEventId);

        var project = analysis.Run("Project");
        Assert.Equal(["Branch 1", "Branch 2", "Branch 3"], project.Groups.Select(g => g.Label));
        Assert.Equal([0, 1, 2], project.Groups.Select(g => g.Index));
        Assert.Equal(["ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals"], project.Groups.Select(g => Assert.Single(g.States).Name));
        Assert.All(project.Groups, g => Assert.Equal(RunStatus.Succeeded, g.Status));
        Assert.Empty(project.Attempts);
        Assert.Null(project.Parameters);
    }

    [Fact]
    public async Task A_rejected_command_takes_the_default_branch_of_IsValid_to_RecordInvalid()
    {
        var lambdas = CommandPipeline.Accepting()
            .Returns("Validate", _ => JsonNode.Parse("""{ "accepted": false, "rejection": { "reasons": ["NightsOutOfRange"] } }"""));
        var analysis = await AnalyzeAsync(lambdas, ExecutionStatus.Succeeded);

        Assert.Equal(["Validate", "IsValid", "RecordInvalid", "Rejected"], analysis.States.Select(s => s.Name));
        Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("RecordInvalid").Status);
        Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("_end").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Persist").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Project/branch-1").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Project/branch-1/_start").Status);
        Assert.Equal("Rejected", analysis.Run("RecordInvalid").Parameters!["status"]!.GetValue<string>());
        Assert.Null(analysis.Failure);
    }

    [Fact]
    public async Task A_Persist_that_loses_two_races_is_retried_with_three_attempts_and_a_back_off_before_each_retry()
    {
        var analysis = await AnalyzeAsync(CommandPipeline.Accepting().Fails("Persist", 2, "ConcurrencyConflict"), ExecutionStatus.Succeeded);

        var persist = analysis.Run("Persist");
        Assert.Equal(RunStatus.Retried, persist.Status);
        Assert.Equal(RunStatus.Retried, analysis.Graph.Node("Persist").Status);
        Assert.Equal([AttemptOutcomes.Failed, AttemptOutcomes.Failed, AttemptOutcomes.Succeeded], persist.Attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2, 3], persist.Attempts.Select(a => a.Number));
        Assert.Equal(["ConcurrencyConflict", "ConcurrencyConflict", null], persist.Attempts.Select(a => a.Error));
        Assert.Equal("ConcurrencyConflict on call 1", persist.Attempts[0].Cause);
        Assert.Null(persist.Attempts[0].WaitBeforeMs);
        Assert.All(persist.Attempts.Skip(1), a => Assert.True(a.WaitBeforeMs > 0, $"attempt {a.Number} waited {a.WaitBeforeMs} ms"));
        Assert.All(persist.Attempts.Skip(1), a => Assert.True(a.StartedAfterMs > persist.Attempts[a.Number - 2].StartedAfterMs));
        Assert.Null(persist.Error);
        Assert.True(persist.DurationMs >= persist.Attempts.Skip(1).Sum(a => a.WaitBeforeMs));
        Assert.Equal(RunStatus.Succeeded, analysis.Run("Validate").Status);
        Assert.Null(analysis.Failure);
    }

    [Fact]
    public async Task A_validation_error_no_retrier_covers_is_caught_to_RecordFailed_and_the_Fail_state_is_the_failure_point()
    {
        var analysis = await AnalyzeAsync(CommandPipeline.Accepting().Fails("Validate", 1, "Boom"), ExecutionStatus.Failed);

        Assert.Equal(["Validate", "RecordFailed", "Failed"], analysis.States.Select(s => s.Name));
        var validate = analysis.Run("Validate");
        Assert.Equal(RunStatus.Caught, validate.Status);
        Assert.Equal("Boom", validate.Error);
        Assert.Equal("Boom on call 1", validate.Cause);
        Assert.Equal("Boom", validate.Output!["error"]!["Error"]!.GetValue<string>());
        Assert.Equal(RunStatus.Caught, analysis.Graph.Node("Validate").Status);
        Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("RecordFailed").Status);
        Assert.Equal(RunStatus.Failed, analysis.Graph.Node("Failed").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("IsValid").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("_end").Status);

        var failed = analysis.Run("Failed");
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Null(failed.ExitedEventId);
        Assert.NotNull(failed.DurationMs);
        Assert.Equal(new FailurePoint("Boom", "Boom on call 1", "Failed", failed.Id), analysis.Failure);
        Assert.Equal(("Boom", "Boom on call 1"), (failed.Error, failed.Cause));
    }

    [Fact]
    public async Task A_view_that_keeps_failing_fails_its_branch_the_Project_state_is_caught_and_ViewsBehind_ends_the_execution()
    {
        var analysis = await AnalyzeAsync(CommandPipeline.Accepting().Fails("ProjectArrivals", 100, "Bug"), ExecutionStatus.Failed);

        var project = analysis.Run("Project");
        Assert.Equal(RunStatus.Caught, project.Status);
        Assert.Equal("Bug", project.Error);
        Assert.Equal([RunStatus.Succeeded, RunStatus.Succeeded, RunStatus.Failed], project.Groups.Select(g => g.Status));
        var arrivals = Assert.Single(project.Groups[2].States);
        Assert.Equal(RunStatus.Failed, arrivals.Status);
        Assert.Equal(5, arrivals.Attempts.Count);
        Assert.All(arrivals.Attempts, a => Assert.Equal(AttemptOutcomes.Failed, a.Outcome));
        Assert.Equal(RunStatus.Failed, analysis.Graph.Node("Project/branch-2").Status);
        Assert.Equal(RunStatus.Failed, analysis.Graph.Node("Project/branch-2/ProjectArrivals").Status);
        Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("Project/branch-2/_end").Status);
        Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("Project/branch-0/_end").Status);
        Assert.Equal(RunStatus.Caught, analysis.Graph.Node("Project").Status);

        Assert.Equal(["Validate", "IsValid", "Persist", "IsDecided", "Project", "RecordAcceptedViewsBehind", "ViewsBehind"], analysis.States.Select(s => s.Name));
        var failure = Assert.IsType<FailurePoint>(analysis.Failure);
        Assert.Equal("ViewsBehind", failure.Error);
        Assert.Equal("ViewsBehind", failure.StateName);
        Assert.Equal(analysis.Run("ViewsBehind").Id, failure.StateRunId);
    }

    [Fact]
    public async Task A_running_execution_shows_the_state_it_waits_on_as_running_with_no_duration()
    {
        var (handle, history) = await EngineHistory.SnapshotAsync(Definition, CommandPipeline.Input, CommandPipeline.Accepting().Hangs("Persist"),
            events => events.Any(e => e.Type == "LambdaFunctionStarted" && events.Any(s => s.Type == "TaskStateEntered" && s.Details!.Values.Single().GetProperty("name").GetString() == "Persist")));
        try
        {
            var analysis = ExecutionAnalyzer.Analyze(Definition, history);

            Assert.Equal(["Validate", "IsValid", "Persist"], analysis.States.Select(s => s.Name));
            var persist = analysis.Run("Persist");
            Assert.Equal(RunStatus.Running, persist.Status);
            Assert.Null(persist.DurationMs);
            Assert.Null(persist.ExitedEventId);
            Assert.Null(persist.Output);
            var attempt = Assert.Single(persist.Attempts);
            Assert.Equal(AttemptOutcomes.Running, attempt.Outcome);
            Assert.Null(attempt.DurationMs);
            Assert.Equal(RunStatus.Running, analysis.Graph.Node("Persist").Status);
            Assert.Equal(RunStatus.Succeeded, analysis.Graph.Node("_start").Status);
            Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("_end").Status);
            Assert.Equal(RunStatus.NotRun, analysis.Graph.Node("IsDecided").Status);
            Assert.Null(analysis.Failure);
            Assert.Equal(3, analysis.Transitions);
        }
        finally
        {
            handle.Stop("Test.Stop", "done looking");
            await handle.Completion;
        }
    }

    [Fact]
    public async Task A_stopped_execution_shows_the_task_it_stopped_as_aborted_and_names_it_as_the_failure_point()
    {
        var (handle, _) = await EngineHistory.SnapshotAsync(Definition, CommandPipeline.Input, CommandPipeline.Accepting().Hangs("Persist"),
            events => events.Any(e => e.Type == "LambdaFunctionStarted" && events.Count(s => s.Type == "TaskStateEntered") == 2));
        handle.Stop("Operator.Stop", "no longer needed");
        var result = await handle.Completion;

        var analysis = ExecutionAnalyzer.Analyze(Definition, EngineHistory.ToWire(result.History));

        var persist = analysis.Run("Persist");
        Assert.Equal(RunStatus.Aborted, persist.Status);
        Assert.Equal(AttemptOutcomes.Aborted, Assert.Single(persist.Attempts).Outcome);
        Assert.NotNull(persist.DurationMs);
        Assert.Equal(new FailurePoint("Operator.Stop", "no longer needed", "Persist", persist.Id), analysis.Failure);
    }
}
