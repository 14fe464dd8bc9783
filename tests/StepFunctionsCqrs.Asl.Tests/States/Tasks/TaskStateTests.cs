using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Tasks;

public class TaskStateTests
{
    private const string Resource = "arn:aws:states:::work";

    /// <summary>A task that completes only when the fake clock reaches the given delay, heartbeating on request.</summary>
    private static ScriptedTasks Slow(FakeTimeProvider time, TimeSpan duration, TimeSpan? heartbeatEvery = null) =>
        new ScriptedTasks().OnCall(Resource, async invocation =>
        {
            var end = time.GetUtcNow() + duration;
            while (time.GetUtcNow() < end)
            {
                await Task.Delay(heartbeatEvery ?? duration, time);
                invocation.SendHeartbeat();
            }
            return new JsonObject { ["done"] = true };
        });

    [Fact]
    public async Task The_task_receives_the_effective_input_and_its_result_becomes_the_state_result()
    {
        var tasks = new ScriptedTasks().On(Resource, input => new JsonObject { ["echo"] = input?.DeepClone() });
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "End": true }"""), """{ "a": 1 }""", tasks);
        Machines.Equal("""{ "echo": { "a": 1 } }""", result.Output);
        var call = Assert.Single(tasks.Calls);
        Assert.Equal("S", call.StateName);
        Assert.Equal(0, call.RetryCount);
    }

    [Fact]
    public async Task A_task_that_runs_longer_than_TimeoutSeconds_fails_with_States_Timeout()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "TimeoutSeconds": 5, "End": true }"""), "{}", Slow(time, TimeSpan.FromSeconds(60)), time);
        Assert.Equal(ErrorNames.Timeout, result.Error);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.TaskTimedOut);
    }

    [Fact]
    public async Task A_task_that_finishes_within_TimeoutSeconds_succeeds()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "TimeoutSeconds": 30, "End": true }"""), "{}", Slow(time, TimeSpan.FromSeconds(3)), time);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task TimeoutSecondsPath_takes_the_timeout_from_the_input()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "TimeoutSecondsPath": "$.limit", "End": true }"""), """{ "limit": 2 }""", Slow(time, TimeSpan.FromSeconds(10)), time);
        Assert.Equal(ErrorNames.Timeout, result.Error);
    }

    [Fact]
    public async Task A_task_that_stops_sending_heartbeats_for_HeartbeatSeconds_fails_with_States_HeartbeatTimeout()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "TimeoutSeconds": 100, "HeartbeatSeconds": 5, "End": true }"""), "{}", Slow(time, TimeSpan.FromSeconds(20)), time);
        Assert.Equal(ErrorNames.HeartbeatTimeout, result.Error);
    }

    [Fact]
    public async Task Heartbeats_keep_a_long_task_alive()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "TimeoutSeconds": 100, "HeartbeatSeconds": 5, "End": true }"""), "{}", Slow(time, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), time);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
    }

    [Fact]
    public async Task A_result_larger_than_256_KiB_fails_with_States_DataLimitExceeded_which_States_ALL_does_not_catch()
    {
        var tasks = new ScriptedTasks().On(Resource, _ => new JsonObject { ["big"] = new string('x', 300 * 1024) });
        var result = await Machines.Run($$"""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "{{Resource}}", "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Handled" } ], "End": true },
                "Handled": { "Type": "Succeed" } } }
            """, "{}", tasks);
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task An_invoker_exception_that_is_not_a_StatesException_fails_the_task_with_the_exception_type_as_error()
    {
        var tasks = new ScriptedTasks().On(Resource, (Func<JsonNode?, JsonNode?>)(_ => throw new TimeoutException("slow")));
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "End": true }"""), "{}", tasks);
        Assert.Equal("TimeoutException", result.Error);
        Assert.Equal("slow", result.Cause);
    }

    [Fact]
    public async Task A_Lambda_function_ARN_records_LambdaFunction_events()
    {
        const string arn = "arn:aws:lambda:us-east-1:123456789012:function:Hello";
        var tasks = new ScriptedTasks().On(arn, _ => new JsonObject());
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{arn}}", "TimeoutSeconds": 10, "End": true }"""), "{}", tasks);
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            result.History.Select(e => e.Type));
        var scheduled = (TaskScheduledEventDetails)result.History[2].Details!;
        Assert.Equal(arn, scheduled.Resource);
        Assert.Equal(10, scheduled.TimeoutInSeconds);
    }

    [Fact]
    public async Task An_integration_resource_records_Task_events_with_resource_type_and_action()
    {
        const string arn = "arn:aws:states:::lambda:invoke";
        var tasks = new ScriptedTasks().On(arn, (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException("Lambda.ServiceException", "down")));
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{arn}}", "Parameters": { "FunctionName": "f" }, "End": true }"""), "{}", tasks);
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed"],
            result.History.Select(e => e.Type));
        var failed = (FailureEventDetails)result.History[4].Details!;
        Assert.Equal(("lambda", "invoke", "Lambda.ServiceException", "down"), (failed.ResourceType, failed.Resource, failed.Error, failed.Cause));
    }

    [Fact]
    public async Task HeartbeatSecondsPath_takes_the_heartbeat_interval_from_the_input()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "HeartbeatSecondsPath": "$.beat", "End": true }"""), """{ "beat": 3 }""", Slow(time, TimeSpan.FromSeconds(20)), time);
        Assert.Equal(ErrorNames.HeartbeatTimeout, result.Error);
    }

    [Fact]
    public async Task A_caught_task_error_is_followed_by_the_state_exiting_with_the_catcher_output()
    {
        var tasks = new ScriptedTasks().On(Resource, (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException("Boom", "x")));
        var result = await Machines.Run($$"""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "{{Resource}}", "Catch": [ { "ErrorEquals": ["Boom"], "ResultPath": "$.e", "Next": "H" } ], "End": true },
                "H": { "Type": "Succeed" } } }
            """, "{}", tasks);
        Assert.Equal(["TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited", "SucceedStateEntered"], result.History.Skip(2).Take(5).Select(e => e.Type));
        Assert.Equal("""{"e":{"Error":"Boom","Cause":"x"}}""", ((StateExitedEventDetails)result.History[5].Details!).Output.Text);
    }
}
