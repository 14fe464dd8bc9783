using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Parallel;

public class ParallelStateTests
{
    private static string Branch(string state, string name = "B") => $$"""{ "StartAt": "{{name}}", "States": { "{{name}}": {{state}} } }""";

    [Fact]
    public async Task The_output_is_an_array_with_one_element_per_branch_in_branch_order()
    {
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Branches": [
                {{Branch("""{ "Type": "Pass", "Result": "first", "End": true }""")}},
                {{Branch("""{ "Type": "Pass", "InputPath": "$.x", "End": true }""", "B2")}} ], "End": true }
            """), """{ "x": 42 }""");
        Machines.Equal("""["first", 42]""", result.Output);
    }

    [Fact]
    public async Task Each_branch_receives_a_copy_of_the_effective_input()
    {
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Parameters": { "v.$": "$.x" }, "Branches": [
                {{Branch("""{ "Type": "Pass", "Result": 1, "ResultPath": "$.changed", "End": true }""")}},
                {{Branch("""{ "Type": "Pass", "End": true }""", "B2")}} ], "ResultPath": "$.results", "End": true }
            """), """{ "x": 1 }""");
        Machines.Equal("""{ "x": 1, "results": [ { "v": 1, "changed": 1 }, { "v": 1 } ] }""", result.Output);
    }

    [Fact]
    public async Task If_any_branch_fails_the_Parallel_state_fails_with_that_branch_error()
    {
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Branches": [
                {{Branch("""{ "Type": "Pass", "End": true }""")}},
                {{Branch("""{ "Type": "Fail", "Error": "BranchBroke", "Cause": "branch two" }""", "B2")}} ], "End": true }
            """));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("BranchBroke", result.Error);
        Assert.Equal("branch two", result.Cause);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.ParallelStateFailed);
    }

    [Fact]
    public async Task A_branch_error_can_be_caught_by_the_Parallel_state()
    {
        var result = await Machines.Run($$"""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ {{Branch("""{ "Type": "Fail", "Error": "BranchBroke" }""")}} ],
                       "Catch": [ { "ErrorEquals": ["BranchBroke"], "ResultPath": "$.err", "Next": "Handled" } ], "End": true },
                "Handled": { "Type": "Succeed" } } }
            """, """{ "a": 1 }""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("BranchBroke", result.Output!["err"]!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_Parallel_state_is_retried_as_a_whole()
    {
        var calls = 0;
        var tasks = new ScriptedTasks().On("arn:aws:states:::x", _ => ++calls == 1 ? throw new StatesException("Flaky", "once") : new JsonObject());
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Branches": [ {{Branch("""{ "Type": "Task", "Resource": "arn:aws:states:::x", "End": true }""")}} ],
              "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 1 } ], "End": true }
            """), "{}", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ResultSelector_reshapes_the_branch_outputs()
    {
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Branches": [ {{Branch("""{ "Type": "Pass", "Result": { "n": 1 }, "End": true }""")}} ],
              "ResultSelector": { "first.$": "$[0].n" }, "End": true }
            """));
        Machines.Equal("""{ "first": 1 }""", result.Output);
    }

    [Fact]
    public async Task History_shows_the_Parallel_state_started_and_succeeded_around_its_branches()
    {
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Branches": [ {{Branch("""{ "Type": "Pass", "End": true }""")}} ], "End": true }
            """));
        Assert.Equal(
            ["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited", "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"],
            result.History.Select(e => e.Type));
        Assert.Equal(3, result.History[3].PreviousEventId);
    }

    [Fact]
    public async Task When_one_branch_fails_the_other_branches_are_stopped()
    {
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Parallel", "Branches": [
                {{Branch("""{ "Type": "Wait", "Seconds": 3600, "End": true }""")}},
                {{Branch("""{ "Type": "Fail", "Error": "Early" }""", "B2")}} ], "End": true }
            """));
        Assert.Equal("Early", result.Error);
        Assert.True(result.StopDate - result.StartDate < TimeSpan.FromMinutes(1));
        Assert.Contains(result.History, e => e.Type == "WaitStateAborted");
    }
}
