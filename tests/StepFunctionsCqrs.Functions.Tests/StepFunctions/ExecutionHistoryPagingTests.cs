using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

public sealed class ExecutionHistoryPagingTests
{
    private const string ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:command-pipeline:cmd-1";

    // Serves a 5-event history in pages of maxResults, with the next start index as the token, like the real service's opaque token.
    private static CannedResponse HistoryPage(RecordedRequest request)
    {
        var body = request.Json;
        var size = body.TryGetProperty("maxResults", out var max) ? max.GetInt32() : 1000;
        var start = body.TryGetProperty("nextToken", out var token) ? int.Parse(token.GetString()!.Replace("from-", string.Empty)) : 0;
        var reverse = body.TryGetProperty("reverseOrder", out var r) && r.GetBoolean();
        var ids = Enumerable.Range(1, 5).ToList();
        if (reverse)
        {
            ids.Reverse();
        }

        var page = ids.Skip(start).Take(size).ToList();
        var events = string.Join(',', page.Select(id =>
            $$"""{"timestamp":{{1_700_000_000 + id}},"type":"Event{{id}}","id":{{id}},"previousEventId":{{id - 1}}}"""));
        var next = start + size < ids.Count ? $",\"nextToken\":\"from-{start + size}\"" : string.Empty;
        return CannedResponse.Ok($$"""{"events":[{{events}}]{{next}}}""");
    }

    [Fact]
    public async Task Paging_through_the_history_follows_next_tokens_until_the_last_page()
    {
        await using var server = new LoopbackAwsServer(HistoryPage);
        using var client = StepFunctionsClientTests.ClientFor(server);

        var events = new List<HistoryEvent>();
        await foreach (var e in client.GetAllExecutionHistoryAsync(new GetExecutionHistoryRequest(ExecutionArn) { MaxResults = 2 }))
        {
            events.Add(e);
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], events.Select(e => e.Id));
        var tokens = server.Requests.Select(r => r.Json.TryGetProperty("nextToken", out var t) ? t.GetString() : null).ToList();
        Assert.Equal([null, "from-2", "from-4"], tokens);
        Assert.All(server.Requests, r => Assert.Equal(2, r.Json.GetProperty("maxResults").GetInt32()));
    }

    [Fact]
    public async Task Paging_in_reverse_order_keeps_the_order_on_every_page()
    {
        await using var server = new LoopbackAwsServer(HistoryPage);
        using var client = StepFunctionsClientTests.ClientFor(server);

        var events = new List<HistoryEvent>();
        await foreach (var e in client.GetAllExecutionHistoryAsync(new GetExecutionHistoryRequest(ExecutionArn) { MaxResults = 3, ReverseOrder = true }))
        {
            events.Add(e);
        }

        Assert.Equal([5L, 4L, 3L, 2L, 1L], events.Select(e => e.Id));
        Assert.All(server.Requests, r => Assert.True(r.Json.GetProperty("reverseOrder").GetBoolean()));
    }

    [Fact]
    public async Task The_whole_history_of_a_single_page_execution_is_read_with_one_request()
    {
        await using var server = new LoopbackAwsServer(HistoryPage);
        using var client = StepFunctionsClientTests.ClientFor(server);

        var events = await client.GetAllExecutionHistoryAsync(ExecutionArn, includeExecutionData: true);

        Assert.Equal(5, events.Count);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Json.GetProperty("includeExecutionData").GetBoolean());
    }
}
