using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

public sealed class ExecutionListPagingTests
{
    private const string StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:command-pipeline";

    // Three pages of executions; the token names the next page, and the filter must be repeated on every page.
    private static CannedResponse ExecutionsPage(RecordedRequest request)
    {
        var body = request.Json;
        var page = body.TryGetProperty("nextToken", out var token) ? int.Parse(token.GetString()!) : 0;
        var status = body.GetProperty("statusFilter").GetString();
        var items = Enumerable.Range(page * 2, page == 2 ? 1 : 2).Select(i =>
            $$"""{"executionArn":"{{StateMachineArn}}:cmd-{{i}}","stateMachineArn":"{{StateMachineArn}}","name":"cmd-{{i}}","status":"{{status}}","startDate":1700000000}""");
        var next = page < 2 ? $",\"nextToken\":\"{page + 1}\"" : string.Empty;
        return CannedResponse.Ok($$"""{"executions":[{{string.Join(',', items)}}]{{next}}}""");
    }

    [Fact]
    public async Task Listing_all_executions_follows_next_tokens_and_keeps_the_filter_on_every_page()
    {
        await using var server = new LoopbackAwsServer(ExecutionsPage);
        using var client = StepFunctionsClientTests.ClientFor(server);

        var names = new List<string>();
        var request = new ListExecutionsRequest { StateMachineArn = StateMachineArn, StatusFilter = ExecutionStatus.Failed, MaxResults = 2 };
        await foreach (var execution in client.ListAllExecutionsAsync(request))
        {
            names.Add(execution.Name);
        }

        Assert.Equal(["cmd-0", "cmd-1", "cmd-2", "cmd-3", "cmd-4"], names);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("FAILED", r.Json.GetProperty("statusFilter").GetString()));
    }
}
