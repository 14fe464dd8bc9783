using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Tasks;

public class CallbackTaskTests
{
    private const string Resource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    private readonly FakeTimeProvider time = new(Machines.Epoch);
    private readonly ConcurrentQueue<string> tokens = new();

    [Fact]
    public async Task The_output_sent_with_the_token_becomes_the_task_result_after_TaskSubmitted_records_the_integration_response()
    {
        var engine = Engine("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": { "token.$": "$$.Task.Token" }, "ResultPath": "$.answer", "End": true }""");
        var execution = engine.StartAsync("""{ "order": 7 }""");
        var token = await NextTokenAsync();

        Assert.Equal(CallbackOutcome.Delivered, engine.Callbacks.Succeed(token, new JsonObject { ["approved"] = true }).Outcome);
        var result = await execution;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{ "order": 7, "answer": { "approved": true } }""", result.Output);
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            result.History.Select(e => e.Type));
        var submitted = Json(result.History.Single(e => e.Type == HistoryEventType.TaskSubmitted));
        Assert.Contains("\"resourceType\":\"sqs\"", submitted, StringComparison.Ordinal);
        Assert.Contains("\"resource\":\"sendMessage.waitForTaskToken\"", submitted, StringComparison.Ordinal);
        Assert.Contains("MessageId", submitted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_sent_with_the_token_fails_the_task_with_its_error_and_cause_for_Catch_to_match()
    {
        var engine = Engine("""
            { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": { "token.$": "$$.Task.Token" },
              "Catch": [ { "ErrorEquals": ["Declined"], "ResultPath": "$.error", "Next": "Caught" } ], "Next": "Caught" },
              "Caught": { "Type": "Pass", "End": true
            }
            """);
        var execution = engine.StartAsync("{}");

        engine.Callbacks.Fail(await NextTokenAsync(), "Declined", "the card was refused");
        var result = await execution;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{ "error": { "Error": "Declined", "Cause": "the card was refused" } }""", result.Output);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.TaskFailed);
    }

    [Fact]
    public async Task A_task_without_heartbeats_times_out_with_States_HeartbeatTimeout_and_its_token_closes()
    {
        var engine = Engine("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "HeartbeatSeconds": 5, "End": true }""");
        var execution = engine.StartAsync("{}");
        var token = await NextTokenAsync();

        await Machines.Settle(execution, time, TimeSpan.FromSeconds(1));
        var result = await execution;

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.HeartbeatTimeout, result.Error);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.TaskTimedOut);
        Assert.Equal(CallbackOutcome.TaskClosed, engine.Callbacks.Succeed(token, null).Outcome);
        Assert.Equal(CallbackOutcome.TaskClosed, engine.Callbacks.Heartbeat(token).Outcome);
        Assert.Equal(0, engine.Callbacks.OpenCount);
    }

    [Fact]
    public async Task Heartbeats_keep_a_task_alive_past_HeartbeatSeconds_but_not_past_TimeoutSeconds()
    {
        var engine = Engine("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "HeartbeatSeconds": 5, "TimeoutSeconds": 12, "End": true }""");
        var execution = engine.StartAsync("{}");
        var token = await NextTokenAsync();

        for (var second = 1; second <= 11; second++)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(CallbackOutcome.Delivered, engine.Callbacks.Heartbeat(token).Outcome);
        }

        Assert.False(execution.IsCompleted);
        await Machines.Settle(execution, time, TimeSpan.FromSeconds(1));
        var result = await execution;
        Assert.Equal(ErrorNames.Timeout, result.Error);
    }

    [Fact]
    public async Task A_retried_attempt_gets_a_new_token_and_the_token_of_the_timed_out_attempt_answers_TaskClosed()
    {
        var engine = Engine("""
            { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": { "token.$": "$$.Task.Token" }, "HeartbeatSeconds": 2,
              "Retry": [ { "ErrorEquals": ["States.HeartbeatTimeout"], "IntervalSeconds": 1, "MaxAttempts": 1 } ], "End": true }
            """);
        var execution = engine.StartAsync("{}");
        var first = await NextTokenAsync();

        string? second = null;
        for (var i = 0; i < 100 && !tokens.TryDequeue(out second); i++)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(CallbackOutcome.TaskClosed, engine.Callbacks.Succeed(first, new JsonObject { ["late"] = true }).Outcome);
        Assert.Equal(CallbackOutcome.Delivered, engine.Callbacks.Succeed(second!, new JsonObject { ["on"] = "time" }).Outcome);
        var result = await execution;
        Machines.Equal("""{ "on": "time" }""", result.Output);
        Assert.Equal(1, result.History.Count(e => e.Type == HistoryEventType.TaskTimedOut));
    }

    [Fact]
    public async Task A_second_answer_for_the_same_token_finds_the_task_closed_and_changes_nothing()
    {
        var engine = Engine("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true }""");
        var execution = engine.StartAsync("{}");
        var token = await NextTokenAsync();

        Assert.Equal(CallbackOutcome.Delivered, engine.Callbacks.Succeed(token, new JsonObject { ["first"] = true }).Outcome);
        Assert.Equal(CallbackOutcome.TaskClosed, engine.Callbacks.Fail(token, "Second", "too late").Outcome);
        var result = await execution;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{ "first": true }""", result.Output);
    }

    [Fact]
    public async Task Stopping_an_execution_that_waits_for_its_token_aborts_it_and_closes_the_token()
    {
        var engine = Engine("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true }""");
        var running = engine.Start(JsonNode.Parse("{}"));
        var token = await NextTokenAsync();

        running.Stop("Operator", "not needed");
        var result = await running.Completion;

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal(CallbackOutcome.TaskClosed, engine.Callbacks.Succeed(token, null).Outcome);
    }

    [Fact]
    public async Task An_execution_is_parked_once_while_it_waits_and_unparked_before_it_records_the_answer()
    {
        var parking = new CountingParking();
        var engine = Engine("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true }""");
        var execution = engine.StartAsync("{}", new ExecutionOptions { Parking = parking });
        var token = await NextTokenAsync();
        for (var i = 0; i < 200 && parking.Parked == 0; i++) await Task.Delay(5);

        Assert.Equal((1, 0), (parking.Parked, parking.Unparked));
        engine.Callbacks.Succeed(token, null);
        await execution;
        Assert.Equal((1, 1), (parking.Parked, parking.Unparked));
    }

    [Fact]
    public async Task An_answer_that_arrives_while_the_integration_still_runs_is_kept_and_the_execution_never_parks()
    {
        var parking = new CountingParking();
        ExecutionEngine? engine = null;
        var tasks = new ScriptedTasks().On(Resource, input =>
        {
            engine!.Callbacks.Succeed(input!["token"]!.GetValue<string>(), new JsonObject { ["fast"] = true });
            return null;
        });
        engine = new ExecutionEngine(StateMachineDefinition.Parse(Machines.Single(
            """{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": { "token.$": "$$.Task.Token" }, "End": true }""")), tasks, time);

        var result = await engine.StartAsync("{}", new ExecutionOptions { Parking = parking });

        Machines.Equal("""{ "fast": true }""", result.Output);
        Assert.Equal(0, parking.Parked);
    }

    private static string Json(HistoryEvent e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            e.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private ExecutionEngine Engine(string state)
    {
        var tasks = new ScriptedTasks().OnCall(Resource, invocation =>
        {
            tokens.Enqueue(invocation.TaskToken!);
            return ValueTask.FromResult<JsonNode?>(new JsonObject { ["MessageId"] = Guid.NewGuid().ToString() });
        });
        return new ExecutionEngine(StateMachineDefinition.Parse(Machines.Single(state)), tasks, time);
    }

    private async Task<string> NextTokenAsync()
    {
        for (var i = 0; i < 1000; i++)
        {
            if (tokens.TryDequeue(out var token)) return token;
            await Task.Delay(5);
        }
        throw new TimeoutException("No callback task was handed a token.");
    }

    // Lets continuations waiting on the fake clock register their next timers before time moves on.
    private async Task AdvanceAsync(TimeSpan by)
    {
        await Task.Delay(5);
        time.Advance(by);
        await Task.Delay(5);
    }

    private sealed class CountingParking : ICallbackParking
    {
        private int parked, unparked;

        public int Parked => Volatile.Read(ref parked);

        public int Unparked => Volatile.Read(ref unparked);

        public void Park() => Interlocked.Increment(ref parked);

        public ValueTask UnparkAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref unparked);
            return ValueTask.CompletedTask;
        }
    }
}
