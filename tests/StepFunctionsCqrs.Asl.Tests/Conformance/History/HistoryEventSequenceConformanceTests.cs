using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.History;

/// <summary>GetExecutionHistory event types, in order, with the previousEventId chain the service emits.</summary>
public class HistoryEventSequenceConformanceTests
{
    private const string Work = "arn:aws:states:::work";

    private static string[] Types(ExecutionResult result) => result.History.Select(e => e.Type).ToArray();

    private static void LinearChain(ExecutionResult result) =>
        Assert.Equal(Enumerable.Range(0, result.History.Count).Select(i => (long)i), result.History.Select(e => e.PreviousEventId));

    [Fact]
    public async Task A_Task_state_records_entered_scheduled_started_succeeded_exited()
    {
        var tasks = new ScriptedTasks().On(Work, _ => new JsonObject());
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "End": true }"""), "{}", tasks);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"], Types(result));
        LinearChain(result);
    }

    [Fact]
    public async Task A_Lambda_function_ARN_resource_records_LambdaFunction_events()
    {
        var tasks = new ScriptedTasks().On("arn:aws:lambda:us-east-1:123456789012:function:f", _ => new JsonObject());
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true }"""), "{}", tasks);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"], Types(result));
    }

    [Fact]
    public async Task An_uncaught_task_failure_records_TaskFailed_then_ExecutionFailed_without_an_exit()
    {
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException("E", "c")));
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "End": true }"""), "{}", tasks);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed"], Types(result));
        LinearChain(result);
    }

    [Fact]
    public async Task A_retried_task_is_scheduled_again_within_the_same_state_entry()
    {
        var n = 0;
        var tasks = new ScriptedTasks().On(Work, _ => ++n < 2 ? throw new StatesException("E", "c") : new JsonObject());
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "Retry": [ { "ErrorEquals": ["E"], "IntervalSeconds": 1 } ], "End": true }"""), "{}", tasks);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"], Types(result));
        LinearChain(result);
    }

    [Fact]
    public async Task A_caught_task_failure_exits_the_state_and_enters_the_catcher_target()
    {
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException("E", "c")));
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "H" } ], "End": true },
                "H": { "Type": "Pass", "End": true } } }
            """, "{}", tasks);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], Types(result));
    }

    [Fact]
    public async Task A_task_timeout_records_TaskTimedOut()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Machines.Epoch);
        var tasks = new ScriptedTasks().OnCall(Work, async _ => { await Task.Delay(TimeSpan.FromSeconds(30), time); return null; });
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSeconds": 1, "End": true }"""), "{}", tasks, time);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskTimedOut", "ExecutionFailed"], Types(result));
    }

    [Fact]
    public async Task Choice_and_Wait_record_entered_and_exited()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.go", "BooleanEquals": true, "Next": "W" } ] },
                "W": { "Type": "Wait", "Seconds": 1, "End": true } } }
            """, """{ "go": true }""");
        Assert.Equal(["ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"], Types(result));
        LinearChain(result);
    }

    [Fact]
    public async Task A_Fail_state_records_only_its_entry_before_ExecutionFailed()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "Error": "E" }"""));
        Assert.Equal(["ExecutionStarted", "FailStateEntered", "ExecutionFailed"], Types(result));
    }

    [Fact]
    public async Task A_Parallel_state_records_started_its_branch_states_then_succeeded_and_exited()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Branches": [ { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } } ], "End": true }
            """));
        Assert.Equal(["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited", "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"], Types(result));
        var h = result.History;
        Assert.Equal(h[2].Id, h[3].PreviousEventId);
        Assert.Equal(h[4].Id, h[5].PreviousEventId);
        Assert.Equal(h[5].Id, h[6].PreviousEventId);
    }

    [Fact]
    public async Task A_failed_Parallel_state_records_ParallelStateFailed()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Branches": [ { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "E" } } } ], "End": true }
            """));
        Assert.Equal(["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "FailStateEntered", "ParallelStateFailed", "ExecutionFailed"], Types(result));
    }

    [Fact]
    public async Task A_Map_state_records_started_each_iteration_then_succeeded_and_exited()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), "[1]");
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"], Types(result));
        var h = result.History;
        Assert.Equal(h[2].Id, h[3].PreviousEventId);
        Assert.Equal(h[3].Id, h[4].PreviousEventId);
        Assert.Equal(h[5].Id, h[6].PreviousEventId);
        Assert.Equal(h[6].Id, h[7].PreviousEventId);
        Assert.Equal(h[7].Id, h[8].PreviousEventId);
    }

    [Fact]
    public async Task A_failed_Map_iteration_records_MapIterationFailed_and_MapStateFailed()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemProcessor": { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "E" } } }, "End": true }
            """), "[1]");
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted", "FailStateEntered", "MapIterationFailed", "MapStateFailed", "ExecutionFailed"], Types(result));
    }

    [Fact]
    public async Task Event_ids_are_unique_and_increasing_across_branches()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Branches": [
                { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } },
                { "StartAt": "B", "States": { "B": { "Type": "Pass", "End": true } } } ], "End": true }
            """));
        Assert.Equal(Enumerable.Range(1, result.History.Count).Select(i => (long)i), result.History.Select(e => e.Id));
        Assert.All(result.History, e => Assert.True(e.PreviousEventId < e.Id));
    }

    [Fact]
    public async Task A_caught_Parallel_failure_records_ParallelStateFailed_then_ParallelStateExited()
    {
        var result = await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "E" } } } ],
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "H" } ], "End": true },
                "H": { "Type": "Succeed" } } }
            """);
        Assert.Equal(["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "FailStateEntered", "ParallelStateFailed", "ParallelStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"], Types(result));
    }

    [Fact]
    public async Task A_caught_Map_failure_records_MapStateFailed_then_MapStateExited()
    {
        var result = await Machines.Run("""
            { "StartAt": "M", "States": {
                "M": { "Type": "Map", "ItemProcessor": { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "E" } } },
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "H" } ], "End": true },
                "H": { "Type": "Succeed" } } }
            """, "[1]");
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted", "FailStateEntered", "MapIterationFailed", "MapStateFailed", "MapStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"], Types(result));
    }

    [Fact]
    public async Task A_States_Runtime_error_in_a_Pass_state_records_its_entry_then_ExecutionFailed()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.missing", "End": true }"""));
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "ExecutionFailed"], Types(result));
    }

    [Fact]
    public async Task A_Map_over_two_items_records_two_iterations_each_starting_from_the_map_start()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "MaxConcurrency": 1, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), "[1, 2]");
        var started = result.History.Single(e => e.Type == "MapStateStarted");
        var iterations = result.History.Where(e => e.Type == "MapIterationStarted").ToList();
        Assert.Equal(2, iterations.Count);
        Assert.All(iterations, e => Assert.Equal(started.Id, e.PreviousEventId));
        var lastIteration = result.History.Last(e => e.Type == "MapIterationSucceeded");
        Assert.Equal(lastIteration.Id, result.History.Single(e => e.Type == "MapStateSucceeded").PreviousEventId);
    }
}
