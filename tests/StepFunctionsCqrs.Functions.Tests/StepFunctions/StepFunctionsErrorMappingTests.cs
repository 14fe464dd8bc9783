using System.Net;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

public sealed class StepFunctionsErrorMappingTests
{
    private const string ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:command-pipeline:cmd-1";

    public static TheoryData<string, Type, string> TypedCodes => new()
    {
        { "ExecutionDoesNotExist", typeof(ExecutionDoesNotExistException), "ExecutionDoesNotExist" },
        { "com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist", typeof(ExecutionDoesNotExistException), "ExecutionDoesNotExist" },
        { "StateMachineDoesNotExist", typeof(StateMachineDoesNotExistException), "StateMachineDoesNotExist" },
        { "StateMachineDeleting", typeof(StateMachineDeletingException), "StateMachineDeleting" },
        { "InvalidArn", typeof(InvalidArnException), "InvalidArn" },
        { "InvalidName", typeof(InvalidNameException), "InvalidName" },
        { "InvalidExecutionInput", typeof(InvalidExecutionInputException), "InvalidExecutionInput" },
        { "InvalidToken", typeof(InvalidTokenException), "InvalidToken" },
        { "ExecutionLimitExceeded", typeof(ExecutionLimitExceededException), "ExecutionLimitExceeded" },
        { "ValidationException", typeof(ValidationException), "ValidationException" },
        { "com.amazonaws.swf.service.v2.model#ValidationException", typeof(ValidationException), "ValidationException" },
        { "InvalidArnException", typeof(InvalidArnException), "InvalidArn" },
    };

    [Theory]
    [MemberData(nameof(TypedCodes))]
    public async Task An_error_code_becomes_its_typed_exception_with_code_status_and_message(string type, Type expected, string code)
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Error(400, type, "what went wrong"));
        using var client = StepFunctionsClientTests.ClientFor(server);

        var error = await Assert.ThrowsAnyAsync<StepFunctionsException>(() => client.DescribeExecutionAsync(ExecutionArn));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("what went wrong", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ExecutionAlreadyExists_becomes_the_shared_exception_carrying_its_code()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Error(
            400, "com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists", "Execution Already Exists: 'cmd-1'"));
        using var client = StepFunctionsClientTests.ClientFor(server);

        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(
            () => client.StartExecutionAsync("arn:aws:states:eu-west-1:123456789012:stateMachine:m", "cmd-1", "{}"));

        Assert.Equal("Execution Already Exists: 'cmd-1'", error.Message);
        Assert.Equal("ExecutionAlreadyExists", StepFunctionsErrors.ErrorCodeOf(error));
        Assert.Equal(400, error.Data[StepFunctionsErrors.StatusCodeDataKey]);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unknown_error_code_becomes_the_base_exception_with_that_code()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Error(400, "KmsAccessDeniedException", "no key"));
        using var client = StepFunctionsClientTests.ClientFor(server);

        var error = await Assert.ThrowsAsync<StepFunctionsException>(() => client.DescribeExecutionAsync(ExecutionArn));

        Assert.Equal("KmsAccessDeniedException", error.ErrorCode);
        Assert.Equal("no key", error.Message);
        Assert.Equal("KmsAccessDeniedException", StepFunctionsErrors.ErrorCodeOf(error));
    }

    [Fact]
    public async Task A_capitalised_Message_field_is_read_as_the_message()
    {
        await using var server = new LoopbackAwsServer(_ => new CannedResponse(400, """{"__type":"InvalidName","Message":"name too long"}"""));
        using var client = StepFunctionsClientTests.ClientFor(server);

        var error = await Assert.ThrowsAsync<InvalidNameException>(
            () => client.StartExecutionAsync("arn:aws:states:eu-west-1:123456789012:stateMachine:m", new string('n', 90), "{}"));

        Assert.Equal("name too long", error.Message);
    }

    [Fact]
    public async Task The_error_type_header_names_the_error_when_the_body_does_not()
    {
        await using var server = new LoopbackAwsServer(_ => new CannedResponse(
            400, "{}", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InvalidArn:http://internal.amazon.com/coral/com.amazonaws.swf.service.v2.model/" }));
        using var client = StepFunctionsClientTests.ClientFor(server);

        var error = await Assert.ThrowsAsync<InvalidArnException>(() => client.DescribeExecutionAsync("not-an-arn"));

        Assert.Equal("InvalidArn", error.ErrorCode);
        Assert.Contains("400", error.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_call_succeeds_once_the_service_accepts_it()
    {
        var calls = 0;
        await using var server = new LoopbackAwsServer(_ => Interlocked.Increment(ref calls) <= 2
            ? CannedResponse.Error(400, "ThrottlingException", "Rate exceeded")
            : CannedResponse.Ok("""{"stopDate":1700000000}"""));
        using var client = StepFunctionsClientTests.ClientFor(server, maxAttempts: 3);

        var result = await client.StopExecutionAsync(ExecutionArn);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), result.StopDate);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(server.Requests.First().Text, r.Text));
    }

    [Fact]
    public async Task Server_errors_are_retried_up_to_the_attempt_limit_and_then_surface()
    {
        await using var server = new LoopbackAwsServer(_ => new CannedResponse(503, "<html>Service Unavailable</html>"));
        using var client = StepFunctionsClientTests.ClientFor(server, maxAttempts: 4);

        var error = await Assert.ThrowsAsync<StepFunctionsException>(() => client.DescribeExecutionAsync(ExecutionArn));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Exhausted_throttling_surfaces_as_ThrottlingException()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Error(400, "ThrottlingException", "Rate exceeded"));
        using var client = StepFunctionsClientTests.ClientFor(server, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => client.DescribeExecutionAsync(ExecutionArn));

        Assert.Equal("Rate exceeded", error.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var server = new LoopbackAwsServer(_ => CannedResponse.Error(400, "ExecutionDoesNotExist", "gone"));
        using var client = StepFunctionsClientTests.ClientFor(server, maxAttempts: 5);

        await Assert.ThrowsAsync<ExecutionDoesNotExistException>(() => client.DescribeExecutionAsync(ExecutionArn));

        Assert.Single(server.Requests);
    }
}
