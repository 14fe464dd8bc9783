using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>TestState through the AWS CLI and the JSON protocol: one state run once, with its inspection data.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TestStateApiTests(PipelineFixture fixture)
{
    private const string Role = "arn:aws:iam::000000000000:role/local";

    private static async Task<JsonObject> CliAsync(PipelineFixture fixture, params string[] arguments)
    {
        var (exit, output, error) = await AwsCli.StepFunctionsAsync(fixture.Endpoint, ["test-state", "--role-arn", Role, .. arguments]);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }

    [Fact]
    public async Task DEBUG_shows_the_state_output_along_with_each_input_and_output_processing_result()
    {
        const string Pass = """
            { "Type": "Pass", "InputPath": "$.order", "Parameters": { "id.$": "$.id", "twice.$": "States.MathAdd($.id, $.id)" },
              "ResultPath": "$.result", "Assign": { "last.$": "$.id" }, "OutputPath": "$.result", "Next": "Ship" }
            """;

        var answer = await CliAsync(fixture, "--definition", Pass, "--input", """{"order":{"id":21}}""", "--inspection-level", "DEBUG", "--variables", """{"seen":1}""");

        Assert.Equal("SUCCEEDED", answer["status"]!.GetValue<string>());
        Assert.Equal("Ship", answer["nextState"]!.GetValue<string>());
        Assert.Equal("""{"id":21,"twice":42}""", answer["output"]!.GetValue<string>());
        var data = answer["inspectionData"]!.AsObject();
        Assert.Equal("""{"order":{"id":21}}""", data["input"]!.GetValue<string>());
        Assert.Equal("""{"id":21}""", data["afterInputPath"]!.GetValue<string>());
        Assert.Equal("""{"id":21,"twice":42}""", data["afterParameters"]!.GetValue<string>());
        Assert.Equal("""{"order":{"id":21},"result":{"id":21,"twice":42}}""", data["afterResultPath"]!.GetValue<string>());
        Assert.Equal("""{"seen":1,"last":21}""", data["variables"]!.GetValue<string>());
    }

    [Fact]
    public async Task INFO_shows_only_the_final_state_output_and_no_next_state_for_an_end_state()
    {
        var answer = await CliAsync(fixture, "--definition", """{ "Type": "Pass", "Result": { "ok": true }, "End": true }""");

        Assert.Equal("SUCCEEDED", answer["status"]!.GetValue<string>());
        Assert.Equal("""{"ok":true}""", answer["output"]!.GetValue<string>());
        Assert.Null(answer["nextState"]);
        Assert.Null(answer["inspectionData"]);
    }

    [Fact]
    public async Task A_Task_state_calls_its_service_for_real_and_shows_the_result_and_the_ResultSelector()
    {
        var queue = await fixture.CommandApiSqs.CreateQueueAsync(TestMachines.Name("teststate"));
        var task = $$"""
            { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
              "Parameters": { "QueueUrl": "{{queue.QueueUrl}}", "MessageBody.$": "$.body" },
              "ResultSelector": { "id.$": "$.MessageId" }, "ResultPath": "$.sent", "End": true }
            """;

        var answer = await CliAsync(fixture, "--definition", task, "--input", """{"body":"hello"}""", "--inspection-level", "TRACE");

        Assert.Equal("SUCCEEDED", answer["status"]!.GetValue<string>());
        var received = await fixture.CommandApiSqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.QueueUrl, WaitTimeSeconds = 5 });
        var message = Assert.Single(received.Messages);
        Assert.Equal("hello", message.Body);
        var data = answer["inspectionData"]!.AsObject();
        Assert.Equal(message.MessageId, JsonNode.Parse(data["result"]!.GetValue<string>())!["MessageId"]!.GetValue<string>());
        Assert.Equal($$"""{"id":"{{message.MessageId}}"}""", data["afterResultSelector"]!.GetValue<string>());
        Assert.Equal("{\"body\":\"hello\",\"sent\":{\"id\":\"" + message.MessageId + "\"}}", answer["output"]!.GetValue<string>());
    }

    private const string Persist = """
        { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:Persist",
          "Retry": [ { "ErrorEquals": ["ConcurrencyConflict"], "MaxAttempts": 2, "IntervalSeconds": 3 } ],
          "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "FindCommit" } ],
          "Next": "IsDecided" }
        """;

    [Fact]
    public async Task A_mocked_error_that_a_Retry_matches_is_RETRIABLE_with_the_retrier_and_its_back_off()
    {
        var answer = await CliAsync(fixture, "--definition", Persist, "--inspection-level", "DEBUG",
            "--mock", """{"errorOutput":{"error":"ConcurrencyConflict","cause":"version 3 is taken"}}""");

        Assert.Equal("RETRIABLE", answer["status"]!.GetValue<string>());
        Assert.Equal("ConcurrencyConflict", answer["error"]!.GetValue<string>());
        Assert.Equal("version 3 is taken", answer["cause"]!.GetValue<string>());
        Assert.Null(answer["nextState"]);
        var details = answer["inspectionData"]!["errorDetails"]!.AsObject();
        Assert.Equal(0, details["retryIndex"]!.GetValue<int>());
        Assert.Equal(3, details["retryBackoffIntervalSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Once_the_retrier_is_exhausted_the_Catch_takes_the_error_as_CAUGHT_ERROR_with_its_Next()
    {
        var answer = await CliAsync(fixture, "--definition", Persist, "--input", """{"command":{}}""", "--inspection-level", "DEBUG",
            "--mock", """{"errorOutput":{"error":"ConcurrencyConflict","cause":"taken"}}""", "--state-configuration", """{"retrierRetryCount":2}""");

        Assert.Equal("CAUGHT_ERROR", answer["status"]!.GetValue<string>());
        Assert.Equal("FindCommit", answer["nextState"]!.GetValue<string>());
        Assert.Equal("""{"command":{},"error":{"Error":"ConcurrencyConflict","Cause":"taken"}}""", answer["output"]!.GetValue<string>());
        Assert.Equal(0, answer["inspectionData"]!["errorDetails"]!["catchIndex"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_mocked_result_replaces_the_call_and_a_whole_definition_is_tested_by_stateName()
    {
        var machine = $$"""{ "StartAt": "Persist", "States": { "Persist": {{Persist}}, "FindCommit": { "Type": "Succeed" }, "IsDecided": { "Type": "Succeed" } } }""";

        var answer = await CliAsync(fixture, "--definition", machine, "--state-name", "Persist", "--mock", """{"result":"{\"accepted\":true}"}""");

        Assert.Equal("SUCCEEDED", answer["status"]!.GetValue<string>());
        Assert.Equal("IsDecided", answer["nextState"]!.GetValue<string>());
        Assert.Equal("""{"accepted":true}""", answer["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Fail_state_is_FAILED_with_its_error_and_cause()
    {
        var answer = await CliAsync(fixture, "--definition", """{ "Type": "Fail", "Error": "Declined", "Cause": "no room" }""");

        Assert.Equal("FAILED", answer["status"]!.GetValue<string>());
        Assert.Equal("Declined", answer["error"]!.GetValue<string>());
        Assert.Equal("no room", answer["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Choice_state_names_the_state_its_matching_rule_goes_to()
    {
        const string Choice = """
            { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericGreaterThan": 1, "Next": "Big" } ], "Default": "Small" }
            """;

        var big = await CliAsync(fixture, "--definition", Choice, "--input", """{"n":5}""");
        var small = await CliAsync(fixture, "--definition", Choice, "--input", """{"n":0}""");

        Assert.Equal("Big", big["nextState"]!.GetValue<string>());
        Assert.Equal("Small", small["nextState"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "definition": "{ not json" }""", "InvalidDefinition")]
    [InlineData("""{ "definition": "{ \"Type\": \"Pass\", \"InputPath\": \"not a path\", \"End\": true }" }""", "InvalidDefinition")]
    [InlineData("""{ "definition": "{ \"StartAt\": \"A\", \"States\": { \"A\": { \"Type\": \"Pass\", \"End\": true } } }" }""", "ValidationException")]
    [InlineData("""{ "definition": "{ \"StartAt\": \"A\", \"States\": { \"A\": { \"Type\": \"Pass\", \"End\": true } } }", "stateName": "B" }""", "ValidationException")]
    [InlineData("""{ "definition": "{ \"Type\": \"Pass\", \"End\": true }", "input": "{ nope" }""", "InvalidExecutionInput")]
    [InlineData("""{ "definition": "{ \"Type\": \"Pass\", \"End\": true }", "inspectionLevel": "ALL" }""", "ValidationException")]
    [InlineData("""{ "definition": "{ \"Type\": \"Pass\", \"End\": true }", "mock": { "result": "{}" } }""", "ValidationException")]
    [InlineData("""{ "type": "Pass" }""", "ValidationException")]
    public async Task A_bad_request_is_refused_with_the_code_AWS_gives(string body, string code)
    {
        var (status, answer) = await fixture.Raw.CallAsync("AWSStepFunctions.TestState", body);

        Assert.Equal(400, status);
        Assert.Equal(code, answer["__type"]!.GetValue<string>());
    }
}
