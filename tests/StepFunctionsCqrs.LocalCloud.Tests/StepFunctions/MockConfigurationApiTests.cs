using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>
/// Executions started on <c>&lt;stateMachineArn&gt;#&lt;TestCase&gt;</c> of the mock configuration the shared local cloud
/// was started with: mocked states answer from it, every other state runs for real.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class MockConfigurationApiTests(PipelineFixture fixture)
{
    private async Task<string> MachineAsync(string name, string definition)
    {
        var created = await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = definition, ["roleArn"] = "arn:aws:iam::000000000000:role/test",
        });
        return created["stateMachineArn"]!.GetValue<string>();
    }

    private async Task<(JsonObject Described, JsonArray Events)> RunAsync(string stateMachineArn, string input)
    {
        var started = await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = stateMachineArn, ["name"] = TestMachines.Name("mocked"), ["input"] = input,
        });
        var executionArn = started["executionArn"]!.GetValue<string>();
        await TestMachines.WaitUntilEndedAsync(fixture, executionArn);
        var described = await fixture.Raw.StatesOkAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn });
        var history = await fixture.Raw.StatesOkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn, ["maxResults"] = 1000 });
        return (described, history["events"]!.AsArray());
    }

    private static IEnumerable<JsonObject> OfType(JsonArray events, string type) =>
        events.Select(e => e!.AsObject()).Where(e => e["type"]!.GetValue<string>() == type);

    [Fact]
    public async Task A_mocked_state_answers_from_its_test_case_and_the_other_states_run_for_real()
    {
        var arn = await MachineAsync(MockedMachines.OrdersName, MockedMachines.Orders);
        var queue = await fixture.CommandApiSqs.CreateQueueAsync(TestMachines.Name("shipping"));

        var (described, _) = await RunAsync(arn + "#HappyPath", $$"""{"queueUrl":"{{queue.QueueUrl}}"}""");

        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        Assert.Equal(arn, described["stateMachineArn"]!.GetValue<string>());
        var received = await fixture.CommandApiSqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.QueueUrl, WaitTimeSeconds = 5 });
        var message = Assert.Single(received.Messages);
        Assert.Equal("""{"amount":10}""", message.Body);
        var output = JsonNode.Parse(described["output"]!.GetValue<string>())!;
        Assert.Equal(message.MessageId, output["shipped"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invocations_are_counted_from_zero_across_retries_so_a_range_of_throws_is_retried_before_the_return()
    {
        var arn = await MachineAsync(MockedMachines.OrdersName, MockedMachines.Orders);
        var queue = await fixture.CommandApiSqs.CreateQueueAsync(TestMachines.Name("shipping"));
        var input = $$"""{"queueUrl":"{{queue.QueueUrl}}"}""";

        // Two executions of one test case at once: each counts its own invocations.
        var runs = await Task.WhenAll(RunAsync(arn + "#RetryPath", input), RunAsync(arn + "#RetryPath", input));

        foreach (var (described, events) in runs)
        {
            Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
            var failures = OfType(events, "LambdaFunctionFailed").ToList();
            Assert.Equal(2, failures.Count);
            Assert.All(failures, f => Assert.Equal("Busy", f["lambdaFunctionFailedEventDetails"]!["error"]!.GetValue<string>()));
            Assert.Equal(12, JsonNode.Parse(described["output"]!.GetValue<string>())!["charge"]!["amount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_mocked_Throw_is_caught_by_the_state_s_Catch()
    {
        var arn = await MachineAsync(MockedMachines.OrdersName, MockedMachines.Orders);

        var (described, _) = await RunAsync(arn + "#CatchPath", """{"queueUrl":"unused"}""");

        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        var output = JsonNode.Parse(described["output"]!.GetValue<string>())!;
        Assert.Equal("refunded", output["refund"]!.GetValue<string>());
        Assert.Equal("Declined", output["declined"]!["Error"]!.GetValue<string>());
        Assert.Equal("insufficient funds", output["declined"]!["Cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_test_case_the_same_state_machine_calls_its_resources_for_real()
    {
        var arn = await MachineAsync(MockedMachines.OrdersName, MockedMachines.Orders);

        var (described, _) = await RunAsync(arn, """{"queueUrl":"unused"}""");

        // ChargeCard is no function of the local cloud: only a mock could have answered it.
        Assert.Equal("FAILED", described["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mocked_callback_task_answers_its_own_token_with_the_Return_or_the_Throw()
    {
        var arn = await MachineAsync(MockedMachines.ApprovalsName, MockedMachines.Approvals);

        var (approved, events) = await RunAsync(arn + "#Approved", "{}");
        var (rejected, _) = await RunAsync(arn + "#Rejected", "{}");

        Assert.Equal("SUCCEEDED", approved["status"]!.GetValue<string>());
        Assert.Equal("""{"approved":true}""", approved["output"]!.GetValue<string>());
        Assert.Single(OfType(events, "TaskSubmitted"));
        Assert.Equal("FAILED", rejected["status"]!.GetValue<string>());
        Assert.Equal("NotApproved", rejected["error"]!.GetValue<string>());
        Assert.Equal("the manager said no", rejected["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_test_case_the_configuration_does_not_have_is_refused_with_InvalidArn_naming_the_ones_it_has()
    {
        var arn = await MachineAsync(MockedMachines.OrdersName, MockedMachines.Orders);

        var (status, body) = await fixture.Raw.StatesAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn + "#NoSuchCase", ["input"] = "{}" });

        Assert.Equal(400, status);
        Assert.EndsWith("InvalidArn", body["__type"]!.GetValue<string>());
        var message = body["message"]!.GetValue<string>();
        Assert.Contains("'NoSuchCase'", message);
        Assert.Contains("HappyPath, RetryPath, CatchPath", message);
    }

    [Fact]
    public async Task The_pipeline_s_Persist_conflict_path_retries_two_lost_races_then_records_the_decline_for_real()
    {
        var commandId = TestMachines.Name("mock-conflict");
        var input = $$"""
            { "command": { "commandId": "{{commandId}}", "type": "BookRoom", "schemaVersion": 1, "payload": { "hotelId": "hotel-1", "roomType": "moon" } },
              "sqs": { "messageId": "m-1", "sentTimestamp": "1700000000000", "receiveCount": 1 } }
            """;

        var (described, events) = await RunAsync(fixture.Cloud.Resources.StateMachineArn + "#PersistConflict", input);

        Assert.True(described["status"]!.GetValue<string>() == "SUCCEEDED", described.ToJsonString());
        var conflicts = OfType(events, "LambdaFunctionFailed").Select(f => f["lambdaFunctionFailedEventDetails"]!["error"]!.GetValue<string>()).ToList();
        Assert.Equal(["ConcurrencyConflict", "ConcurrencyConflict"], conflicts);
        var entered = OfType(events, "TaskStateEntered").Select(e => e["stateEnteredEventDetails"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Validate", "Persist", "RecordDeclined"], entered);

        // RecordDeclined was not mocked: the real RecordStatus wrote the outcome the read API serves.
        using var response = await fixture.Http.GetAsync($"/commands/{commandId}");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Rejected", status["status"]!.GetValue<string>());
        Assert.Contains("UnknownRoomType", status.ToJsonString());
    }
}
