using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.States;

/// <summary>Task TimeoutSeconds and HeartbeatSeconds on a fake clock, and how their errors are retried and caught.</summary>
public class TaskTimeoutsConformanceTests
{
    private const string Work = "arn:aws:states:::work";

    private static ScriptedTasks Hanging(FakeTimeProvider time) =>
        new ScriptedTasks().OnCall(Work, async _ => { await Task.Delay(TimeSpan.FromMinutes(10), time); return null; });

    [Fact]
    public async Task A_States_Timeout_retrier_retries_a_timed_out_task()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var tasks = Hanging(time);
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSeconds": 2, "Retry": [ { "ErrorEquals": ["States.Timeout"], "MaxAttempts": 1, "IntervalSeconds": 1 } ], "End": true }
            """), "{}", tasks, time);
        Assert.Equal(ErrorNames.Timeout, result.Error);
        Assert.Equal(2, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task A_heartbeat_timeout_is_reported_as_States_HeartbeatTimeout()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "HeartbeatSeconds": 3, "End": true }"""), "{}", Hanging(time), time);
        Assert.Equal(ErrorNames.HeartbeatTimeout, result.Error);
    }

    [Fact]
    public async Task States_HeartbeatTimeout_is_matched_by_its_own_name()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "HeartbeatSeconds": 3, "Catch": [ { "ErrorEquals": ["States.HeartbeatTimeout"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, "{}", Hanging(time), time);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task States_TaskFailed_does_not_match_a_heartbeat_timeout()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "HeartbeatSeconds": 3, "Catch": [ { "ErrorEquals": ["States.TaskFailed"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, "{}", Hanging(time), time);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
    }

    [Fact]
    public async Task HeartbeatSecondsPath_takes_the_heartbeat_interval_from_the_input()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "HeartbeatSecondsPath": "$.hb", "End": true }"""), """{ "hb": 2 }""", Hanging(time), time);
        Assert.Equal(ErrorNames.HeartbeatTimeout, result.Error);
        Assert.InRange((result.StopDate - result.StartDate).TotalSeconds, 2, 3);
    }

    [Fact]
    public async Task A_Map_iteration_error_is_caught_by_the_Map_catcher_with_its_ResultPath()
    {
        var result = await Machines.Run("""
            { "StartAt": "M", "States": {
                "M": { "Type": "Map", "ItemsPath": "$.xs", "ItemProcessor": { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "Item.Error", "Cause": "bad item" } } },
                       "Catch": [ { "ErrorEquals": ["Item.Error"], "ResultPath": "$.failure", "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, """{ "xs": [1] }""");
        Machines.Equal("""{ "xs": [1], "failure": { "Error": "Item.Error", "Cause": "bad item" } }""", result.Output);
    }

    [Fact]
    public async Task String_comparisons_are_ordinal_so_uppercase_sorts_before_lowercase()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.v", "StringLessThan": "a", "Next": "Yes" } ], "Default": "No" },
                "Yes": { "Type": "Pass", "Result": "yes", "End": true },
                "No": { "Type": "Pass", "Result": "no", "End": true } } }
            """, """{ "v": "Z" }""");
        Assert.Equal("yes", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task An_execution_input_that_is_an_array_flows_through_unchanged()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "End": true }"""), """[1, "two", null]""");
        Machines.Equal("""[1, "two", null]""", result.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("\"ten\"")]
    public async Task A_TimeoutSecondsPath_that_is_not_a_positive_integer_fails_with_States_Runtime(string value)
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSecondsPath": "$.t", "End": true }"""), $$"""{ "t": {{value}} }""", Hanging(time), time);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_MaxConcurrencyPath_that_is_not_an_integer_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "MaxConcurrencyPath": "$.c", "ItemsPath": "$.xs", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), """{ "c": "many", "xs": [1] }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_Map_ItemSelector_path_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemSelector": { "v.$": "$$.Map.Item.Value.missing" }, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), """[{ "a": 1 }]""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }
}
