using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

public sealed class StepFunctionsClientTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Region = "eu-west-1";
    private const string StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:command-pipeline";
    private const string ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:command-pipeline:cmd-1";

    internal static StepFunctionsClient ClientFor(LoopbackAwsServer server, AWSCredentials? credentials = null, int maxAttempts = 3) =>
        new(new StepFunctionsClientOptions(server.Endpoint, Region, credentials ?? new BasicAWSCredentials(AccessKey, SecretKey))
        {
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.Zero,
        });

    [Fact]
    public async Task StartExecution_posts_a_json_protocol_request_to_the_root_with_the_operation_target()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok(
            $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000.123}"""));
        using var client = ClientFor(server);

        var result = await client.StartExecutionAsync(StateMachineArn, "cmd-1", """{"command":{}}""");

        Assert.Equal(ExecutionArn, result.ExecutionArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), result.StartDate);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawUrl);
        Assert.Equal("AWSStepFunctions.StartExecution", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
        var body = request.Json;
        Assert.Equal(StateMachineArn, body.GetProperty("stateMachineArn").GetString());
        Assert.Equal("cmd-1", body.GetProperty("name").GetString());
        Assert.Equal("""{"command":{}}""", body.GetProperty("input").GetString());
        Assert.False(body.TryGetProperty("traceHeader", out _), "absent options must not be sent as null");
    }

    [Fact]
    public async Task Requests_carry_a_sigv4_authorization_for_the_states_service_that_verifies_against_the_secret_key()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok(
            $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000}"""));
        using var client = ClientFor(server);

        await client.StartExecutionAsync(StateMachineArn, "cmd-1", "{}");

        var request = Assert.Single(server.Requests);
        var amzDate = request.Header("X-Amz-Date");
        Assert.NotNull(amzDate);
        Assert.True(DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            $"X-Amz-Date '{amzDate}' is not in the SigV4 basic format.");
        var auth = SigV4Verifier.Parse(request.Header("Authorization")!);
        Assert.Equal(AccessKey, auth.AccessKey);
        Assert.Equal(amzDate[..8], auth.Date);
        Assert.Equal(Region, auth.Region);
        Assert.Equal("states", auth.Service);
        Assert.Contains("host", auth.SignedHeaders);
        Assert.Contains("x-amz-date", auth.SignedHeaders);
        Assert.Equal(SigV4Verifier.ExpectedSignature(request, SecretKey), auth.Signature);
        Assert.NotEqual(SigV4Verifier.ExpectedSignature(request, "another-secret"), auth.Signature);
    }

    [Fact]
    public async Task Session_credentials_send_and_sign_the_security_token()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok(
            $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000}"""));
        using var client = ClientFor(server, new SessionAWSCredentials(AccessKey, SecretKey, "session-token-1"));

        await client.StartExecutionAsync(StateMachineArn, "cmd-1", "{}");

        var request = Assert.Single(server.Requests);
        Assert.Equal("session-token-1", request.Header("X-Amz-Security-Token"));
        var auth = SigV4Verifier.Parse(request.Header("Authorization")!);
        Assert.Contains("x-amz-security-token", auth.SignedHeaders);
        Assert.Equal(SigV4Verifier.ExpectedSignature(request, SecretKey), auth.Signature);
    }

    [Fact]
    public async Task StartExecution_with_a_trace_header_sends_it()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok(
            $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000}"""));
        using var client = ClientFor(server);

        await client.StartExecutionAsync(new StartExecutionRequest(StateMachineArn) { Name = "n", Input = "{}", TraceHeader = "Root=1-abc" });

        Assert.Equal("Root=1-abc", Assert.Single(server.Requests).Json.GetProperty("traceHeader").GetString());
    }

    [Fact]
    public async Task DescribeExecution_reads_status_dates_input_output_and_failure_fields()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok($$"""
            {"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{StateMachineArn}}","name":"cmd-1","status":"FAILED",
             "startDate":1700000000.5,"stopDate":1700000002.25,"input":"{\"a\":1}","inputDetails":{"included":true},
             "error":"ConcurrencyConflict","cause":"version 3 taken","redriveCount":0,"redriveStatus":"REDRIVABLE"}
            """));
        using var client = ClientFor(server);

        var result = await client.DescribeExecutionAsync(ExecutionArn);

        Assert.Equal("AWSStepFunctions.DescribeExecution", Assert.Single(server.Requests).Header("X-Amz-Target"));
        Assert.Equal(ExecutionArn, Assert.Single(server.Requests).Json.GetProperty("executionArn").GetString());
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("cmd-1", result.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), result.StartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_002_250), result.StopDate);
        Assert.Equal("""{"a":1}""", result.Input);
        Assert.Null(result.Output);
        Assert.Equal("ConcurrencyConflict", result.Error);
        Assert.Equal("version 3 taken", result.Cause);
        Assert.Equal("REDRIVABLE", result.RedriveStatus);
    }

    [Fact]
    public async Task ListExecutions_sends_filters_and_the_page_token_and_reads_the_page()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok($$"""
            {"executions":[
              {"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{StateMachineArn}}","name":"cmd-1","status":"RUNNING","startDate":1700000000},
              {"executionArn":"{{ExecutionArn}}-2","stateMachineArn":"{{StateMachineArn}}","name":"cmd-2","status":"SUCCEEDED","startDate":1700000001,"stopDate":1700000003}
             ],"nextToken":"token-2"}
            """));
        using var client = ClientFor(server);

        var page = await client.ListExecutionsAsync(new ListExecutionsRequest
        {
            StateMachineArn = StateMachineArn,
            StatusFilter = ExecutionStatus.Running,
            MaxResults = 2,
            NextToken = "token-1",
        });

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal("AWSStepFunctions.ListExecutions", Assert.Single(server.Requests).Header("X-Amz-Target"));
        Assert.Equal(StateMachineArn, body.GetProperty("stateMachineArn").GetString());
        Assert.Equal("RUNNING", body.GetProperty("statusFilter").GetString());
        Assert.Equal(2, body.GetProperty("maxResults").GetInt32());
        Assert.Equal("token-1", body.GetProperty("nextToken").GetString());
        Assert.False(body.TryGetProperty("mapRunArn", out _));
        Assert.Equal("token-2", page.NextToken);
        Assert.Equal(["cmd-1", "cmd-2"], page.Executions.Select(e => e.Name));
        Assert.Null(page.Executions[0].StopDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_003), page.Executions[1].StopDate);
    }

    [Fact]
    public async Task ListExecutions_without_a_state_machine_or_map_run_is_refused_before_sending()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok("{}"));
        using var client = ClientFor(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ListExecutionsAsync(new ListExecutionsRequest()));

        Assert.Contains("stateMachineArn", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetExecutionHistory_sends_paging_and_ordering_options_and_keeps_event_details()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok("""
            {"events":[
              {"timestamp":1700000000.001,"type":"ExecutionStarted","id":1,"previousEventId":0,
               "executionStartedEventDetails":{"input":"{}","roleArn":"arn:aws:iam::1:role/r"}},
              {"timestamp":1700000000.002,"type":"TaskStateEntered","id":2,"previousEventId":1,
               "stateEnteredEventDetails":{"name":"Validate","input":"{}"}}
            ],"nextToken":"next"}
            """));
        using var client = ClientFor(server);

        var page = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(ExecutionArn)
        {
            MaxResults = 2,
            ReverseOrder = true,
            IncludeExecutionData = false,
            NextToken = "previous",
        });

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal("AWSStepFunctions.GetExecutionHistory", Assert.Single(server.Requests).Header("X-Amz-Target"));
        Assert.Equal(ExecutionArn, body.GetProperty("executionArn").GetString());
        Assert.Equal(2, body.GetProperty("maxResults").GetInt32());
        Assert.True(body.GetProperty("reverseOrder").GetBoolean());
        Assert.False(body.GetProperty("includeExecutionData").GetBoolean());
        Assert.Equal("previous", body.GetProperty("nextToken").GetString());
        Assert.Equal("next", page.NextToken);
        Assert.Equal([1L, 2L], page.Events.Select(e => e.Id));
        Assert.Equal(1, page.Events[1].PreviousEventId);
        Assert.Equal("Validate", page.Events[1].Details!["stateEnteredEventDetails"].GetProperty("name").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_002), page.Events[1].Timestamp);
    }

    [Fact]
    public async Task StopExecution_sends_error_and_cause_and_reads_the_stop_date()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok("""{"stopDate":1700000009.75}"""));
        using var client = ClientFor(server);

        var result = await client.StopExecutionAsync(ExecutionArn, "Operator.Stopped", "stuck");

        var request = Assert.Single(server.Requests);
        Assert.Equal("AWSStepFunctions.StopExecution", request.Header("X-Amz-Target"));
        Assert.Equal(ExecutionArn, request.Json.GetProperty("executionArn").GetString());
        Assert.Equal("Operator.Stopped", request.Json.GetProperty("error").GetString());
        Assert.Equal("stuck", request.Json.GetProperty("cause").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_009_750), result.StopDate);
    }

    [Fact]
    public async Task A_successful_response_that_is_not_the_expected_shape_is_reported_with_the_operation()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Ok("""{"stopDate":"yesterday"}"""));
        using var client = ClientFor(server);

        var error = await Assert.ThrowsAsync<StepFunctionsCqrs.Functions.StepFunctions.Errors.StepFunctionsException>(
            () => client.StopExecutionAsync(ExecutionArn));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("StopExecution", error.Message);
        Assert.Contains("yesterday", error.Message);
    }

    [Fact]
    public void Dates_are_written_as_epoch_seconds_with_a_fraction()
    {
        var json = JsonSerializer.Serialize(
            new StopExecutionResult(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)),
            StepFunctionsJsonContext.Default.StopExecutionResult);

        Assert.Equal("""{"stopDate":1700000000.123}""", json);
    }
}
