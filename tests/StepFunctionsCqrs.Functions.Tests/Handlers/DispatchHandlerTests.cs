using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.Tests.StepFunctions;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;
using static StepFunctionsCqrs.Functions.Tests.TestKit.SqsEvents;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

public sealed class DispatchHandlerTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:CommandPipeline";

    private readonly RecordingStepFunctions stepFunctions = new();

    private DispatchHandler Handler => new(stepFunctions, StateMachineArn);

    private static IReadOnlyList<string> Failures(JsonElement response) =>
        [.. response.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!)];

    private static string Booking(int i) => BookRoom($"cmd-{i}", "alice", $"b{i}", "2027-03-01", "2027-03-02").ToJsonString();

    [Fact]
    public async Task A_batch_of_ten_with_three_unusable_messages_starts_seven_executions_and_returns_only_the_three_for_redrive()
    {
        var records = Enumerable.Range(1, 10).Select(i => Record($"m{i}", Booking(i))).ToArray();
        records[2] = Record("m3", "this is not json {");
        records[5] = Record("m6", """{"type":"BookRoom","payload":{}}""");
        records[8] = Record("m9", $$"""{"commandId":"big","padding":"{{new string('x', 256 * 1024)}}"}""");

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(records));

        Assert.Equal(["m3", "m6", "m9"], Failures(response));
        Assert.Equal(
            ["cmd-1", "cmd-10", "cmd-2", "cmd-4", "cmd-5", "cmd-7", "cmd-8"],
            stepFunctions.Executions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_execution_input_carries_the_command_as_sent_and_the_sqs_facts()
    {
        await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", Booking(1), senderId: "AIDASENDER", receiveCount: 2)));

        var input = JsonDocument.Parse(stepFunctions.Executions["cmd-1"]).RootElement;
        Assert.Equal(JsonDocument.Parse(Booking(1)).RootElement.GetRawText(), input.GetProperty("command").GetRawText());
        var sqs = input.GetProperty("sqs");
        Assert.Equal("m1", sqs.GetProperty("messageId").GetString());
        Assert.Equal("AIDASENDER", sqs.GetProperty("senderId").GetString());
        Assert.Equal(1799566200000, sqs.GetProperty("sentTimestamp").GetInt64());
        Assert.Equal(2, sqs.GetProperty("receiveCount").GetInt32());
    }

    [Fact]
    public async Task The_execution_input_carries_the_caller_the_command_api_named_in_the_message_attributes()
    {
        var record = Record("m1", Booking(1))
            .WithAttribute("caller-principal", "arn:aws:iam::123456789012:user/alice")
            .WithAttribute("caller-scheme", "iam")
            .WithAttribute("redrive-original-sender", "AIDAFIRST");

        await Lambda.InvokeAsync(Handler.Handle, Event(record));

        var sqs = JsonDocument.Parse(stepFunctions.Executions["cmd-1"]).RootElement.GetProperty("sqs");
        Assert.Equal("arn:aws:iam::123456789012:user/alice", sqs.GetProperty("caller").GetProperty("principal").GetString());
        Assert.Equal("iam", sqs.GetProperty("caller").GetProperty("scheme").GetString());
        Assert.Equal("AIDAFIRST", sqs.GetProperty("originalSender").GetString());
    }

    [Theory]
    [InlineData("groups:[guest admin]", "[guest admin]")]
    [InlineData("groups:", "")]
    public async Task A_jwt_callers_groups_reach_the_execution_without_the_prefix_the_api_mapping_writes(string attribute, string groups)
    {
        var record = Record("m1", Booking(1))
            .WithAttribute("caller-principal", "sub-123")
            .WithAttribute("caller-scheme", "jwt")
            .WithAttribute("caller-groups", attribute);

        await Lambda.InvokeAsync(Handler.Handle, Event(record));

        var caller = JsonDocument.Parse(stepFunctions.Executions["cmd-1"]).RootElement.GetProperty("sqs").GetProperty("caller");
        Assert.Equal(groups, caller.GetProperty("groups").GetString());
    }

    [Fact]
    public async Task A_caller_attribute_over_its_limit_is_dropped_so_it_cannot_swell_the_execution_input()
    {
        var record = Record("m1", Booking(1)).WithAttribute("caller-principal", new string('a', 2049));

        await Lambda.InvokeAsync(Handler.Handle, Event(record));

        var sqs = JsonDocument.Parse(stepFunctions.Executions["cmd-1"]).RootElement.GetProperty("sqs");
        Assert.Equal(JsonValueKind.Null, sqs.GetProperty("caller").ValueKind);
    }

    [Fact]
    public async Task A_redelivered_message_whose_execution_already_exists_counts_as_done()
    {
        await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", Booking(1), receiveCount: 1)));

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", Booking(1), receiveCount: 2)));

        Assert.Empty(Failures(response));
        Assert.Single(stepFunctions.Executions);
    }

    [Fact]
    public async Task A_different_command_reusing_a_command_id_is_left_for_the_dead_letter_queue_and_the_first_execution_stands()
    {
        await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", Booking(1))));
        var other = BookRoom("cmd-1", "bob", "b-other", "2027-04-01", "2027-04-02").ToJsonString();

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("m2", other), Record("m3", Booking(3))));

        Assert.Equal(["m2"], Failures(response));
        var first = JsonDocument.Parse(stepFunctions.Executions["cmd-1"]).RootElement;
        Assert.Equal("alice", first.GetProperty("command").GetProperty("actor").GetProperty("userId").GetString());
        Assert.True(stepFunctions.Executions.ContainsKey("cmd-3"));
    }

    [Fact]
    public async Task A_redelivery_whose_body_differs_only_in_layout_and_key_order_counts_as_done()
    {
        await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", Booking(1))));
        var command = JsonNode.Parse(Booking(1))!.AsObject();
        var reordered = new JsonObject(command.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var relaidOut = reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", relaidOut, receiveCount: 2)));

        Assert.Empty(Failures(response));
        Assert.Single(stepFunctions.Executions);
    }

    [Fact]
    public async Task A_failed_start_returns_only_that_message_for_another_delivery()
    {
        stepFunctions.FailNames["cmd-2"] = true;

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", Booking(1)), Record("m2", Booking(2)), Record("m3", Booking(3))));

        Assert.Equal(["m2"], Failures(response));
        Assert.Equal(["cmd-1", "cmd-3"], stepFunctions.Executions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_command_with_a_usable_id_but_a_broken_payload_still_starts_an_execution_so_validation_can_record_the_rejection()
    {
        var broken = """{"commandId":"cmd-broken","type":"NoSuchCommand","payload":"nonsense"}""";

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("m1", broken)));

        Assert.Empty(Failures(response));
        Assert.True(stepFunctions.Executions.ContainsKey("cmd-broken"));
    }

    [Fact]
    public async Task A_body_of_64_KiB_starts_an_execution_and_one_byte_more_is_left_for_the_dead_letter_queue()
    {
        static string BodyOf(string commandId, int bytes)
        {
            var command = BookRoom(commandId, "alice", "b-big", "2027-03-01", "2027-03-02");
            command["padding"] = "";
            command["padding"] = new string('p', bytes - System.Text.Encoding.UTF8.GetByteCount(command.ToJsonString()));
            return command.ToJsonString();
        }

        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("at", BodyOf("cmd-at", 64 * 1024)), Record("over", BodyOf("cmd-over", 64 * 1024 + 1))));

        Assert.Equal(["over"], Failures(response));
        Assert.Equal(["cmd-at"], stepFunctions.Executions.Keys);
    }

    [Theory]
    [InlineData("""{"commandId":42}""")]
    [InlineData("""{"commandId":"has spaces in it"}""")]
    [InlineData("""{"commandId":"slash/not/allowed"}""")]
    [InlineData("""{"commandId":"cmd-1\n"}""")]
    [InlineData("""["commandId"]""")]
    [InlineData("")]
    public async Task A_message_whose_command_id_cannot_name_an_execution_is_left_for_the_dead_letter_queue(string body)
    {
        var response = await Lambda.InvokeAsync(Handler.Handle, Event(Record("bad", body), Record("good", Booking(1))));

        Assert.Equal(["bad"], Failures(response));
        Assert.Equal(["cmd-1"], stepFunctions.Executions.Keys);
    }

    [Fact]
    public async Task Through_the_real_client_over_http_an_existing_execution_counts_as_done_and_a_server_error_is_retried()
    {
        await using var server = new LoopbackAwsServer(request => request.Header("X-Amz-Target") == "AWSStepFunctions.DescribeExecution"
            ? Described("cmd-2", Booking(2))
            : request.Json.GetProperty("name").GetString() switch
            {
                "cmd-2" => CannedResponse.Error(400, "ExecutionAlreadyExists", "Execution Already Exists: 'cmd-2'"),
                "cmd-3" => CannedResponse.Error(500, "InternalFailure", "try again"),
                var name => CannedResponse.Ok($$"""{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:CommandPipeline:{{name}}","startDate":1799566200.5}"""),
            });
        using var client = new StepFunctionsClient(new StepFunctionsClientOptions(server.Endpoint, "us-east-1", new BasicAWSCredentials("test", "test"))
        {
            MaxAttempts = 1,
        });

        var response = await Lambda.InvokeAsync(new DispatchHandler(client, StateMachineArn).Handle,
            Event(Record("m1", Booking(1)), Record("m2", Booking(2)), Record("m3", Booking(3))));

        Assert.Equal(["m3"], Failures(response));
        Assert.Equal(
            ["AWSStepFunctions.DescribeExecution", "AWSStepFunctions.StartExecution", "AWSStepFunctions.StartExecution", "AWSStepFunctions.StartExecution"],
            server.Requests.Select(r => r.Header("X-Amz-Target")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Through_the_real_client_over_http_an_existing_execution_is_described_and_a_reused_id_or_a_failed_description_is_returned_for_redelivery()
    {
        var other = BookRoom("cmd-2", "bob", "b-other", "2027-04-01", "2027-04-02").ToJsonString();
        await using var server = new LoopbackAwsServer(request => request.Header("X-Amz-Target") switch
        {
            "AWSStepFunctions.StartExecution" => CannedResponse.Error(400, "ExecutionAlreadyExists", "Execution Already Exists"),
            _ => request.Json.GetProperty("executionArn").GetString()!.Split(':')[^1] switch
            {
                "cmd-1" => Described("cmd-1", Booking(1)),
                "cmd-2" => Described("cmd-2", other),
                _ => CannedResponse.Error(500, "InternalFailure", "try again"),
            },
        });
        using var client = new StepFunctionsClient(new StepFunctionsClientOptions(server.Endpoint, "us-east-1", new BasicAWSCredentials("test", "test"))
        {
            MaxAttempts = 1,
        });

        var response = await Lambda.InvokeAsync(new DispatchHandler(client, StateMachineArn).Handle,
            Event(Record("m1", Booking(1), receiveCount: 2), Record("m2", Booking(2)), Record("m3", Booking(3))));

        Assert.Equal(["m2", "m3"], Failures(response));
        var described = server.Requests.Where(r => r.Header("X-Amz-Target") == "AWSStepFunctions.DescribeExecution")
            .Select(r => r.Json.GetProperty("executionArn").GetString());
        Assert.Equal(
            ["arn:aws:states:us-east-1:123456789012:execution:CommandPipeline:cmd-1", "arn:aws:states:us-east-1:123456789012:execution:CommandPipeline:cmd-2",
             "arn:aws:states:us-east-1:123456789012:execution:CommandPipeline:cmd-3"],
            described.Order(StringComparer.Ordinal));
    }

    private static CannedResponse Described(string name, string command)
    {
        var input = new JsonObject
        {
            ["command"] = JsonNode.Parse(command),
            ["sqs"] = new JsonObject { ["messageId"] = "first", ["senderId"] = CommandApiSender, ["sentTimestamp"] = 1799566200000, ["receiveCount"] = 1 },
        }.ToJsonString();
        return CannedResponse.Ok(new JsonObject
        {
            ["executionArn"] = $"arn:aws:states:us-east-1:123456789012:execution:CommandPipeline:{name}",
            ["stateMachineArn"] = StateMachineArn,
            ["name"] = name,
            ["status"] = "SUCCEEDED",
            ["startDate"] = 1799566200.5,
            ["input"] = input,
        }.ToJsonString());
    }
}
