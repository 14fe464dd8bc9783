using System.Text.Json;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.History;

public class ExecutionHistoryTests
{
    [Fact]
    public async Task A_task_that_completes_without_awaiting_still_exits_after_its_own_events()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Machines.Epoch);
        // CPU-bound work finishes synchronously but still takes time.
        var tasks = new ScriptedTasks().On("arn:aws:lambda:us-east-1:000000000000:function:Work", _ =>
        {
            time.Advance(TimeSpan.FromMilliseconds(40));
            return new System.Text.Json.Nodes.JsonObject();
        });

        var result = await Machines.Run(
            Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:Work", "End": true }"""),
            tasks: tasks, time: time);

        Assert.Equal(result.History.Select(e => e.Timestamp).Order(), result.History.Select(e => e.Timestamp));
        var exited = result.History.Single(e => e.Type == "TaskStateExited");
        Assert.Equal(Machines.Epoch.AddMilliseconds(40), exited.Timestamp);
    }

    [Fact]
    public async Task Events_have_monotonic_ids_and_each_points_to_the_previous_event()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Succeed" } } }
            """);
        Assert.Equal(Enumerable.Range(1, result.History.Count).Select(i => (long)i), result.History.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, result.History.Count).Select(i => (long)i), result.History.Select(e => e.PreviousEventId));
        Assert.Equal(
            ["ExecutionStarted", "PassStateEntered", "PassStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"],
            result.History.Select(e => e.Type));
    }

    [Fact]
    public async Task The_history_serializes_in_GetExecutionHistory_shape()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "End": true }"""), """{ "a": 1 }""");
        using var doc = JsonDocument.Parse(result.History.ToJson());
        var events = doc.RootElement.GetProperty("events");
        var started = events[0];
        Assert.Equal("ExecutionStarted", started.GetProperty("type").GetString());
        Assert.Equal(1, started.GetProperty("id").GetInt64());
        Assert.Equal(0, started.GetProperty("previousEventId").GetInt64());
        Assert.Equal(1704067200.0, started.GetProperty("timestamp").GetDouble());
        Assert.Equal("""{"a":1}""", started.GetProperty("executionStartedEventDetails").GetProperty("input").GetString());
        Assert.Equal("S", events[1].GetProperty("stateEnteredEventDetails").GetProperty("name").GetString());
        Assert.Equal("""{"a":1}""", events[2].GetProperty("stateExitedEventDetails").GetProperty("output").GetString());
        Assert.Equal("""{"a":1}""", events[3].GetProperty("executionSucceededEventDetails").GetProperty("output").GetString());
    }

    [Fact]
    public async Task A_failed_execution_records_the_error_and_cause()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "Error": "E", "Cause": "C" }"""));
        using var doc = JsonDocument.Parse(result.History.ToJson(reverseOrder: true));
        var last = doc.RootElement.GetProperty("events")[0];
        Assert.Equal("ExecutionFailed", last.GetProperty("type").GetString());
        Assert.Equal("E", last.GetProperty("executionFailedEventDetails").GetProperty("error").GetString());
        Assert.Equal("C", last.GetProperty("executionFailedEventDetails").GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Task_events_carry_their_payloads_and_resource()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::sqs:sendMessage", _ => Machines.Json("""{ "MessageId": "m" }"""));
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": { "QueueUrl": "q" }, "End": true }"""), "{}", tasks);
        using var doc = JsonDocument.Parse(result.History.ToJson());
        var events = doc.RootElement.GetProperty("events");
        var scheduled = events[2].GetProperty("taskScheduledEventDetails");
        Assert.Equal("sqs", scheduled.GetProperty("resourceType").GetString());
        Assert.Equal("sendMessage", scheduled.GetProperty("resource").GetString());
        Assert.Equal("us-east-1", scheduled.GetProperty("region").GetString());
        Assert.Equal("""{"QueueUrl":"q"}""", scheduled.GetProperty("parameters").GetString());
        Assert.Equal("""{"MessageId":"m"}""", events[4].GetProperty("taskSucceededEventDetails").GetProperty("output").GetString());
    }
}
