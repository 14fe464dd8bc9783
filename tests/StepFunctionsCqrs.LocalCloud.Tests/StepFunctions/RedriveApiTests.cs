using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>RedriveExecution through the JSON protocol: an unsuccessful execution continues from its unsuccessful step.</summary>
[Collection(PipelineCollection.Name)]
public sealed class RedriveApiTests(PipelineFixture fixture)
{
    // Prepare assigns a variable and counts as a successful step; Send fails while its queue does not exist.
    private const string SendToQueue = """
        { "StartAt": "Prepare", "States": {
            "Prepare": { "Type": "Pass", "Assign": { "greeting.$": "$.greeting" }, "Next": "Send" },
            "Send": { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                      "Parameters": { "QueueUrl.$": "$.queueUrl", "MessageBody.$": "$greeting" }, "ResultSelector": { "id.$": "$.MessageId" }, "End": true } } }
        """;

    private async Task<(string ExecutionArn, string QueueName, string QueueUrl)> FailOnMissingQueueAsync()
    {
        var machine = await TestMachines.CreateAsync(fixture, SendToQueue, "redrive");
        var queueName = TestMachines.Name("redrive-queue");
        var queue = await fixture.CommandApiSqs.CreateQueueAsync(queueName);
        await fixture.CommandApiSqs.DeleteQueueAsync(queue.QueueUrl);
        var started = await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine, ["input"] = $$"""{"queueUrl":"{{queue.QueueUrl}}","greeting":"hello again"}""",
        });
        var arn = started["executionArn"]!.GetValue<string>();
        await TestMachines.WaitUntilEndedAsync(fixture, arn);
        return (arn, queueName, queue.QueueUrl);
    }

    private Task<JsonObject> DescribeAsync(string arn) => fixture.Raw.StatesOkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });

    private async Task<JsonArray> HistoryAsync(string arn) =>
        (await fixture.Raw.StatesOkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["maxResults"] = 1000 }))["events"]!.AsArray();

    private async Task<JsonObject> EndedAsync(string arn)
    {
        await TestMachines.WaitUntilEndedAsync(fixture, arn);
        return await DescribeAsync(arn);
    }

    private static void AssertRefused((int Status, JsonObject Body) answer, string code, string? message = null)
    {
        Assert.Equal(400, answer.Status);
        Assert.EndsWith(code, answer.Body["__type"]!.GetValue<string>());
        if (message is not null) Assert.Equal(message, answer.Body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redriven_execution_continues_from_the_unsuccessful_step_with_its_input_and_variables()
    {
        var (arn, queueName, _) = await FailOnMissingQueueAsync();
        var failed = await DescribeAsync(arn);
        Assert.Equal("FAILED", failed["status"]!.GetValue<string>());
        Assert.Equal("REDRIVABLE", failed["redriveStatus"]!.GetValue<string>());
        var failedEvents = (await HistoryAsync(arn)).Count;
        var queue = await fixture.CommandApiSqs.CreateQueueAsync(queueName);

        var redriven = await fixture.Raw.StatesOkAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn });

        var ended = await EndedAsync(arn);
        Assert.True(ended["status"]!.GetValue<string>() == "SUCCEEDED", ended.ToJsonString());
        Assert.Equal(1, ended["redriveCount"]!.GetValue<int>());
        Assert.Equal(redriven["redriveDate"]!.GetValue<double>(), ended["redriveDate"]!.GetValue<double>());
        Assert.Equal("NOT_REDRIVABLE", ended["redriveStatus"]!.GetValue<string>());
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven.", ended["redriveStatusReason"]!.GetValue<string>());
        var message = Assert.Single((await fixture.CommandApiSqs.ReceiveMessageAsync(queue.QueueUrl)).Messages);
        Assert.Equal("hello again", message.Body);

        var events = await HistoryAsync(arn);
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e!["id"]!.GetValue<int>()));
        var redrive = events[failedEvents]!;
        Assert.Equal("ExecutionRedriven", redrive["type"]!.GetValue<string>());
        Assert.Equal(1, redrive["executionRedrivenEventDetails"]!["redriveCount"]!.GetValue<int>());
        Assert.Equal("ExecutionFailed", events[failedEvents - 1]!["type"]!.GetValue<string>());
        var enteredAfter = events.Skip(failedEvents).Where(e => e!["type"]!.GetValue<string>().EndsWith("StateEntered", StringComparison.Ordinal))
            .Select(e => e!["stateEnteredEventDetails"]!["name"]!.GetValue<string>());
        Assert.Equal(["Send"], enteredAfter);
    }

    [Fact]
    public async Task The_same_client_token_gets_the_same_answer_and_redrives_once()
    {
        var (arn, queueName, _) = await FailOnMissingQueueAsync();
        await fixture.CommandApiSqs.CreateQueueAsync(queueName);
        var request = new JsonObject { ["executionArn"] = arn, ["clientToken"] = "redrive-once" };

        var first = await fixture.Raw.StatesOkAsync("RedriveExecution", request);
        await EndedAsync(arn);
        var again = await fixture.Raw.StatesOkAsync("RedriveExecution", request);

        Assert.Equal(first["redriveDate"]!.GetValue<double>(), again["redriveDate"]!.GetValue<double>());
        Assert.Equal(1, (await DescribeAsync(arn))["redriveCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Of_redrives_at_once_one_runs_and_the_others_are_refused()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Waiting);
        var arn = (await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!.GetValue<string>();
        await fixture.Raw.StatesOkAsync("StopExecution", new JsonObject { ["executionArn"] = arn });

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            fixture.Raw.StatesAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn, ["clientToken"] = $"racer-{i}" })));

        Assert.Single(answers, a => a.Status == 200);
        Assert.All(answers.Where(a => a.Status != 200), a => AssertRefused(a, "ExecutionNotRedrivable"));
        var described = await DescribeAsync(arn);
        Assert.Equal("RUNNING", described["status"]!.GetValue<string>());
        Assert.Equal(1, described["redriveCount"]!.GetValue<int>());
        await fixture.Raw.StatesOkAsync("StopExecution", new JsonObject { ["executionArn"] = arn });
    }

    [Fact]
    public async Task A_succeeded_execution_is_not_redrivable()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);
        var started = await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine });
        var arn = started["executionArn"]!.GetValue<string>();
        await EndedAsync(arn);

        AssertRefused(await fixture.Raw.StatesAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn }),
            "ExecutionNotRedrivable", "Execution is SUCCEEDED and cannot be redriven.");
    }

    [Fact]
    public async Task A_running_execution_is_not_redrivable_and_an_aborted_one_is_redriven_from_the_state_it_was_stopped_in()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Waiting);
        var arn = (await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!.GetValue<string>();
        AssertRefused(await fixture.Raw.StatesAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn }),
            "ExecutionNotRedrivable", "Execution is RUNNING and cannot be redriven.");

        await fixture.Raw.StatesOkAsync("StopExecution", new JsonObject { ["executionArn"] = arn });
        await fixture.Raw.StatesOkAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn });

        Assert.Equal("RUNNING", (await DescribeAsync(arn))["status"]!.GetValue<string>());
        var events = await HistoryAsync(arn);
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "WaitStateAborted", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered"],
            events.Select(e => e!["type"]!.GetValue<string>()));
        await fixture.Raw.StatesOkAsync("StopExecution", new JsonObject { ["executionArn"] = arn });
    }

    [Fact]
    public async Task Redriving_what_does_not_exist_or_is_not_an_execution_ARN_is_refused()
    {
        AssertRefused(await fixture.Raw.StatesAsync("RedriveExecution", new JsonObject
        {
            ["executionArn"] = "arn:aws:states:us-east-1:000000000000:execution:nothing:none",
        }), "ExecutionDoesNotExist");
        AssertRefused(await fixture.Raw.StatesAsync("RedriveExecution", new JsonObject { ["executionArn"] = "not-an-arn" }), "InvalidArn");
        AssertRefused(await fixture.Raw.StatesAsync("RedriveExecution", new JsonObject { ["executionArn"] = "arn:aws:states:us-east-1:000000000000:execution:a:b", ["clientToken"] = new string('t', 65) }),
            "ValidationException");
    }

    [Fact]
    public async Task ListExecutions_filters_by_redrive_and_shows_the_redrive_count()
    {
        var (arn, queueName, _) = await FailOnMissingQueueAsync();
        var machine = (await DescribeAsync(arn))["stateMachineArn"]!.GetValue<string>();
        var other = (await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"queueUrl":"nowhere","greeting":"x"}""" }))["executionArn"]!.GetValue<string>();
        await EndedAsync(other);
        await fixture.CommandApiSqs.CreateQueueAsync(queueName);
        await fixture.Raw.StatesOkAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn });
        await EndedAsync(arn);

        var redriven = await fixture.Raw.StatesOkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["redriveFilter"] = "REDRIVEN" });
        var notRedriven = await fixture.Raw.StatesOkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["redriveFilter"] = "NOT_REDRIVEN" });

        var item = Assert.Single(redriven["executions"]!.AsArray())!;
        Assert.Equal(arn, item["executionArn"]!.GetValue<string>());
        Assert.Equal(1, item["redriveCount"]!.GetValue<int>());
        Assert.Equal(other, Assert.Single(notRedriven["executions"]!.AsArray())!["executionArn"]!.GetValue<string>());
        AssertRefused(await fixture.Raw.StatesAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["redriveFilter"] = "SOMETIMES" }), "ValidationException");
    }
}
