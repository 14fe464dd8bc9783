using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat as the service answers them, with the tokens of .waitForTaskToken tasks.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TaskCallbackApiTests(PipelineFixture fixture)
{
    private StepFunctionsClient Client => fixture.StepFunctions;

    [Fact]
    public async Task SendTaskSuccess_from_the_AWS_CLI_ends_the_waiting_execution_with_the_output_it_sent()
    {
        var (queue, execution) = await StartAsync("cli-success");
        var token = await queue.NextTokenAsync("cli-success");

        var (exit, _, error) = await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-success", "--task-token", token, "--task-output", """{"approved":true}""");

        Assert.True(exit == 0, error);
        var ended = await TestMachines.WaitUntilEndedAsync(fixture, execution);
        Assert.Equal(ExecutionStatus.Succeeded, ended.Status);
        Assert.Equal("""{"approved":true}""", ended.Output);
    }

    [Fact]
    public async Task SendTaskFailure_from_the_AWS_CLI_fails_the_execution_with_the_error_and_cause_it_sent()
    {
        var (queue, execution) = await StartAsync("cli-failure");
        var token = await queue.NextTokenAsync("cli-failure");

        var (exit, _, error) = await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-failure", "--task-token", token, "--error", "Declined", "--cause", "the card was refused");

        Assert.True(exit == 0, error);
        var ended = await TestMachines.WaitUntilEndedAsync(fixture, execution);
        Assert.Equal(ExecutionStatus.Failed, ended.Status);
        Assert.Equal("Declined", ended.Error);
        Assert.Equal("the card was refused", ended.Cause);
    }

    [Fact]
    public async Task SendTaskHeartbeat_from_the_AWS_CLI_is_accepted_for_a_waiting_task_and_records_no_event()
    {
        var (queue, execution) = await StartAsync("cli-heartbeat", """ "HeartbeatSeconds": 60, """);
        var token = await queue.NextTokenAsync("cli-heartbeat");
        var before = await EventTypesAsync(execution);

        var (exit, _, error) = await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-heartbeat", "--task-token", token);

        Assert.True(exit == 0, error);
        Assert.Equal(before, await EventTypesAsync(execution));
        await Client.StopExecutionAsync(execution);
    }

    [Fact]
    public async Task The_AWS_CLI_reads_each_refusal_as_the_error_code_the_service_gives()
    {
        var (queue, execution) = await StartAsync("cli-refusals");
        var token = await queue.NextTokenAsync("cli-refusals");

        Assert.Contains("(InvalidOutput)", (await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-success", "--task-token", token, "--task-output", "{not json")).Error);
        Assert.Contains("(InvalidToken)", (await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-heartbeat", "--task-token", "forged-token")).Error);
        await Client.StopExecutionAsync(execution);
        Assert.Contains("(TaskTimedOut)", (await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-success", "--task-token", token, "--task-output", "{}")).Error);
        var orphan = await OrphanTokenAsync();
        Assert.Contains("(TaskDoesNotExist)", (await AwsCli.StepFunctionsAsync(fixture.Endpoint, "send-task-failure", "--task-token", orphan)).Error);
    }

    [Fact]
    public async Task The_history_records_the_task_scheduled_started_submitted_with_the_message_sent_and_succeeded_with_the_output()
    {
        var (queue, execution) = await StartAsync("history");
        await Ok("SendTaskSuccess", new JsonObject { ["taskToken"] = await queue.NextTokenAsync("history"), ["output"] = """{"n":1}""" });
        await TestMachines.WaitUntilEndedAsync(fixture, execution);

        var events = (await Client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(execution))).Events;

        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            events.Select(e => e.Type));
        var raw = await fixture.Raw.StatesOkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution });
        var submitted = raw["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "TaskSubmitted")!["taskSubmittedEventDetails"]!;
        Assert.Equal("sqs", submitted["resourceType"]!.GetValue<string>());
        Assert.Equal("sendMessage.waitForTaskToken", submitted["resource"]!.GetValue<string>());
        Assert.NotNull(JsonNode.Parse(submitted["output"]!.GetValue<string>())!["MessageId"]);
        var succeeded = raw["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "TaskSucceeded")!["taskSucceededEventDetails"]!;
        Assert.Equal("""{"n":1}""", succeeded["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_answer_with_the_same_token_is_refused_with_TaskTimedOut_and_the_first_answer_stands()
    {
        var (queue, execution) = await StartAsync("twice");
        var token = await queue.NextTokenAsync("twice");

        await Ok("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """ "first" """ });
        Assert.Equal("TaskTimedOut", await RefusalAsync("SendTaskFailure", new JsonObject { ["taskToken"] = token, ["error"] = "Second" }));
        Assert.Equal("TaskTimedOut", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """ "second" """ }));
        Assert.Equal("TaskTimedOut", await RefusalAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token }));

        var ended = await TestMachines.WaitUntilEndedAsync(fixture, execution);
        Assert.Equal(ExecutionStatus.Succeeded, ended.Status);
        Assert.Equal("\"first\"", ended.Output);
    }

    [Fact]
    public async Task A_task_that_gets_no_heartbeat_fails_with_States_HeartbeatTimeout_and_its_token_then_answers_TaskTimedOut()
    {
        var (queue, execution) = await StartAsync("silent", """ "HeartbeatSeconds": 1, """);
        var token = await queue.NextTokenAsync("silent");

        var ended = await TestMachines.WaitUntilEndedAsync(fixture, execution);

        Assert.Equal(ExecutionStatus.Failed, ended.Status);
        Assert.Equal("States.HeartbeatTimeout", ended.Error);
        var raw = await fixture.Raw.StatesOkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution });
        var timedOut = raw["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "TaskTimedOut")!["taskTimedOutEventDetails"]!;
        Assert.Equal("States.HeartbeatTimeout", timedOut["error"]!.GetValue<string>());
        Assert.Equal("TaskTimedOut", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{}" }));
    }

    [Fact]
    public async Task Heartbeats_keep_a_task_alive_past_HeartbeatSeconds_and_TimeoutSeconds_ends_it_all_the_same()
    {
        var (queue, execution) = await StartAsync("beating", """ "HeartbeatSeconds": 2, "TimeoutSeconds": 4, """);
        var token = await queue.NextTokenAsync("beating");

        // Heartbeats every quarter second, far inside HeartbeatSeconds, until the task's own timeout ends it.
        DescribeExecutionResult ended;
        while ((ended = await Client.DescribeExecutionAsync(execution)).Status == ExecutionStatus.Running)
        {
            var (status, answer) = await fixture.Raw.StatesAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token });
            Assert.True(status == 200 || answer["__type"]!.GetValue<string>() == "TaskTimedOut", answer.ToJsonString());
            await Task.Delay(250);
        }

        Assert.Equal("States.Timeout", ended.Error);
    }

    [Fact]
    public async Task A_retried_attempt_sends_a_new_token_and_the_token_of_the_attempt_before_answers_TaskTimedOut()
    {
        var (queue, execution) = await StartAsync("retried", """
            "HeartbeatSeconds": 1, "Retry": [ { "ErrorEquals": ["States.HeartbeatTimeout"], "IntervalSeconds": 1, "MaxAttempts": 1 } ],
            """);
        var first = await queue.NextTokenAsync("retried");
        var second = await queue.NextTokenAsync("retried");

        Assert.NotEqual(first, second);
        Assert.Equal("TaskTimedOut", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = first, ["output"] = """ "late" """ }));
        await Ok("SendTaskSuccess", new JsonObject { ["taskToken"] = second, ["output"] = """ "on time" """ });
        var ended = await TestMachines.WaitUntilEndedAsync(fixture, execution);
        Assert.Equal("\"on time\"", ended.Output);
    }

    [Fact]
    public async Task A_failure_sent_with_a_token_is_matched_by_Catch_like_any_task_error()
    {
        var queue = await CallbackQueue.CreateAsync(fixture.CommandApiSqs);
        var definition = queue.Definition("""
            "Catch": [ { "ErrorEquals": ["Declined"], "ResultPath": "$.declined", "Next": "Refund" } ],
            """).Replace("\"End\":true}}}", "\"End\":true},\"Refund\":{\"Type\":\"Pass\",\"End\":true}}}", StringComparison.Ordinal);
        var machine = await TestMachines.CreateAsync(fixture, definition);
        var execution = (await Client.StartExecutionAsync(machine, "caught", """{"order":1}""")).ExecutionArn;

        await Ok("SendTaskFailure", new JsonObject { ["taskToken"] = await queue.NextTokenAsync("caught"), ["error"] = "Declined", ["cause"] = "no funds" });

        var ended = await TestMachines.WaitUntilEndedAsync(fixture, execution);
        Assert.Equal(ExecutionStatus.Succeeded, ended.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"order":1,"declined":{"Error":"Declined","Cause":"no funds"}}"""), JsonNode.Parse(ended.Output!)));
    }

    [Fact]
    public async Task The_token_of_a_stopped_execution_answers_TaskTimedOut()
    {
        var (queue, execution) = await StartAsync("stopped");
        var token = await queue.NextTokenAsync("stopped");

        await Client.StopExecutionAsync(execution);

        Assert.Equal("TaskTimedOut", await RefusalAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token }));
    }

    [Fact]
    public async Task An_altered_or_made_up_token_is_refused_with_InvalidToken()
    {
        var (queue, execution) = await StartAsync("altered");
        var token = await queue.NextTokenAsync("altered");
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.Equal("InvalidToken", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = altered, ["output"] = "{}" }));
        Assert.Equal("InvalidToken", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token + "A", ["output"] = "{}" }));
        Assert.Equal("InvalidToken", await RefusalAsync("SendTaskFailure", new JsonObject { ["taskToken"] = Guid.NewGuid().ToString("N") }));
        Assert.Equal("InvalidToken", await RefusalAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = "a b c" }));
        await Ok("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token });
        await Client.StopExecutionAsync(execution);
    }

    [Fact]
    public async Task Output_that_is_not_JSON_is_refused_with_InvalidOutput_and_the_task_keeps_waiting()
    {
        var (queue, execution) = await StartAsync("bad-output");
        var token = await queue.NextTokenAsync("bad-output");

        Assert.Equal("InvalidOutput", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{\"a\":" }));
        Assert.Equal("InvalidOutput", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "" }));

        await Ok("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "[1,2]" });
        Assert.Equal("[1,2]", (await TestMachines.WaitUntilEndedAsync(fixture, execution)).Output);
    }

    [Fact]
    public async Task A_genuine_token_of_an_execution_the_service_does_not_hold_is_refused_with_TaskDoesNotExist()
    {
        var orphan = await OrphanTokenAsync();

        Assert.Equal("TaskDoesNotExist", await RefusalAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = orphan, ["output"] = "{}" }));
    }

    [Theory]
    [InlineData("SendTaskSuccess", """{ "output": "{}" }""")]
    [InlineData("SendTaskSuccess", """{ "taskToken": "t" }""")]
    [InlineData("SendTaskHeartbeat", """{ "taskToken": "" }""")]
    [InlineData("SendTaskFailure", """{ "taskToken": 7 }""")]
    public async Task A_request_missing_a_member_or_with_one_of_the_wrong_type_is_a_ValidationException(string operation, string body)
    {
        var (status, answer) = await fixture.Raw.CallAsync("AWSStepFunctions." + operation, body);

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", answer["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Members_over_the_service_limits_are_a_ValidationException_naming_the_member()
    {
        var (queue, execution) = await StartAsync("limits");
        var token = await queue.NextTokenAsync("limits");

        var (_, longToken) = await fixture.Raw.StatesAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = new string('a', 2049) });
        var (_, longError) = await fixture.Raw.StatesAsync("SendTaskFailure", new JsonObject { ["taskToken"] = token, ["error"] = new string('e', 257) });
        var (_, longCause) = await fixture.Raw.StatesAsync("SendTaskFailure", new JsonObject { ["taskToken"] = token, ["cause"] = new string('c', 32_769) });
        var (_, longOutput) = await fixture.Raw.StatesAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = $"\"{new string('o', 262_143)}\"" });

        Assert.All(new[] { (longToken, "taskToken"), (longError, "error"), (longCause, "cause"), (longOutput, "output") }, pair =>
        {
            Assert.Equal("ValidationException", pair.Item1["__type"]!.GetValue<string>());
            Assert.Contains($"'{pair.Item2}'", pair.Item1["message"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        await Ok("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token });
        await Client.StopExecutionAsync(execution);
    }

    private async Task<(CallbackQueue Queue, string ExecutionArn)> StartAsync(string name, string taskFields = "")
    {
        var queue = await CallbackQueue.CreateAsync(fixture.CommandApiSqs);
        var machine = await TestMachines.CreateAsync(fixture, queue.Definition(taskFields));
        var started = await Client.StartExecutionAsync(machine, name, "{}");
        return (queue, started.ExecutionArn);
    }

    // A genuine token whose execution the store does not hold: one run on the runner directly, never stored, then stopped.
    private async Task<string> OrphanTokenAsync()
    {
        var queue = await CallbackQueue.CreateAsync(fixture.CommandApiSqs);
        var runner = fixture.Cloud.Host.Services.GetRequiredService<ExecutionRunner>();
        var machine = new StateMachineRecord("arn:aws:states:us-east-1:000000000000:stateMachine:unstored", "unstored", queue.Definition(),
            "arn:aws:iam::000000000000:role/test", "STANDARD", DateTimeOffset.UtcNow, null);
        var name = TestMachines.Name("orphan");
        var execution = new ExecutionRecord($"arn:aws:states:us-east-1:000000000000:execution:unstored:{name}", machine.Arn, name, "{}", "RUNNING", DateTimeOffset.UtcNow);
        runner.Run(machine, execution);
        var token = await queue.NextTokenAsync(name);
        await runner.StopAsync(execution.Arn, null, null);
        return token;
    }

    private async Task<List<string>> EventTypesAsync(string execution) =>
        [.. (await Client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(execution) { MaxResults = 1000 })).Events.Select(e => e.Type)];

    private Task Ok(string operation, JsonObject body) => fixture.Raw.StatesOkAsync(operation, body);

    private async Task<string> RefusalAsync(string operation, JsonObject body)
    {
        var (status, answer) = await fixture.Raw.StatesAsync(operation, body);
        Assert.Equal(400, status);
        return answer["__type"]!.GetValue<string>();
    }
}
