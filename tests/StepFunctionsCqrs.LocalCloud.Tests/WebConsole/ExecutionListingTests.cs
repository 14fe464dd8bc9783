using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>The console's executions list through its JSON, against an oracle of the executions started.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ExecutionListingTests(PipelineFixture fixture)
{
    private static readonly string[] Prefixes = ["a", "ab", "abc", "b", "ba", "c"];

    private const string Definition = """
        {"StartAt":"Which","States":{
          "Which":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"No"}],"Default":"Yes"},
          "Yes":{"Type":"Succeed"},"No":{"Type":"Fail","Error":"Asked"}}}
        """;

    [Fact]
    public async Task Every_filter_and_page_size_pages_through_exactly_the_matching_executions_newest_first()
    {
        var (machine, started) = await StartManyAsync(240);

        var queries =
            from status in Gen.OneOf<string?>(null, "SUCCEEDED", "FAILED", "RUNNING")
            from prefix in Gen.OneOf<string?>([null, .. Prefixes, "zz"])
            from pageSize in Gen.Int[1, 100]
            select (status, prefix, pageSize);

        await queries.SampleAsync(async query =>
        {
            var (status, prefix, pageSize) = query;
            var expected = started
                .Where(e => status is null || e.Status == status)
                .Where(e => prefix is null || e.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(e => e.Name)
                .Reverse()
                .ToList();
            var listed = new List<string>();
            string? token = null;
            var pages = 0;
            do
            {
                var url = $"/console/api/executions?stateMachine={machine}&pageSize={pageSize}"
                    + (status is null ? "" : $"&status={status}") + (prefix is null ? "" : $"&prefix={prefix}")
                    + (token is null ? "" : $"&nextToken={Uri.EscapeDataString(token)}");
                var page = JsonNode.Parse(await fixture.ConsoleHttp.GetStringAsync(url))!;
                var names = page["executions"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
                Assert.True(names.Count <= pageSize, $"A page of {names.Count} for page size {pageSize}.");
                listed.AddRange(names);
                token = page["nextToken"]?.GetValue<string>();
                Assert.True(++pages <= expected.Count + 1, "The list kept paging past its end.");
            }
            while (token is not null);

            Assert.Equal(expected, listed);
        }, iter: 40, threads: 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a")]
    public async Task A_page_token_keeps_its_place_while_newer_executions_start(string? prefix)
    {
        var (machine, started) = await StartManyAsync(60);
        var filter = prefix is null ? "" : $"&prefix={prefix}";
        var first = JsonNode.Parse(await fixture.ConsoleHttp.GetStringAsync($"/console/api/executions?stateMachine={machine}&pageSize=5{filter}"))!;
        await StartAsync(machine, "a-newer-1", fail: false);
        await StartAsync(machine, "a-newer-2", fail: true);

        var second = JsonNode.Parse(await fixture.ConsoleHttp.GetStringAsync(
            $"/console/api/executions?stateMachine={machine}&pageSize=5{filter}&nextToken={Uri.EscapeDataString(first["nextToken"]!.GetValue<string>())}"))!;

        var names = second["executions"]!.AsArray().Select(e => e!["name"]!.GetValue<string>());
        var expected = started.Select(e => e.Name).Where(n => prefix is null || n.StartsWith(prefix, StringComparison.Ordinal)).Reverse().Skip(5).Take(5);
        Assert.Equal(expected, names);
    }

    [Theory]
    [InlineData("status=DONE", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("nextToken=bm90IGEgdG9rZW4=", "nextToken")]
    [InlineData("stateMachine=no-such-machine", "stateMachine")]
    [InlineData("stateMachine=bad%20name", "stateMachine")]
    [InlineData("sort=asc", "sort")]
    [InlineData("status=FAILED&status=SUCCEEDED", "status")]
    public async Task A_bad_query_parameter_is_a_400_naming_it_on_the_page_and_in_its_json(string query, string parameter)
    {
        var prefix = new string('p', 81);
        using var api = await fixture.ConsoleHttp.GetAsync($"/console/api/executions?{query}");
        using var page = await fixture.UnsignedHttp.GetAsync($"/console/?{query}");
        using var longPrefix = await fixture.ConsoleHttp.GetAsync($"/console/api/executions?prefix={prefix}");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(parameter, JsonNode.Parse(await api.Content.ReadAsStringAsync())!["parameter"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains($"The parameter &#x27;{parameter}&#x27; is invalid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, longPrefix.StatusCode);
    }

    [Fact]
    public async Task A_token_made_for_one_filter_is_refused_for_another()
    {
        var (machine, _) = await StartManyAsync(12);
        var first = JsonNode.Parse(await fixture.ConsoleHttp.GetStringAsync($"/console/api/executions?stateMachine={machine}&pageSize=5"))!;
        var token = Uri.EscapeDataString(first["nextToken"]!.GetValue<string>());

        using var other = await fixture.ConsoleHttp.GetAsync($"/console/api/executions?stateMachine={machine}&pageSize=5&status=FAILED&nextToken={token}");

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("nextToken", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(string Machine, List<(string Name, string Status)> Started)> StartManyAsync(int count)
    {
        var machine = $"listing-{Guid.NewGuid():N}"[..24];
        await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = machine, ["definition"] = Definition, ["roleArn"] = "arn:aws:iam::000000000000:role/local",
        });
        var random = new Random(count);
        var started = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{Prefixes[random.Next(Prefixes.Length)]}-{i:D4}";
            var fail = random.Next(3) == 0;
            await StartAsync(machine, name, fail);
            started.Add((name, fail ? "FAILED" : "SUCCEEDED"));
        }

        // Each run is a Choice and an end: all are over once none is listed as running.
        for (var wait = 0; wait < 200; wait++)
        {
            var running = JsonNode.Parse(await fixture.ConsoleHttp.GetStringAsync($"/console/api/executions?stateMachine={machine}&status=RUNNING&pageSize=1"))!;
            if (running["executions"]!.AsArray().Count == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        return (machine, started);
    }

    private Task StartAsync(string machine, string name, bool fail) =>
        fixture.Raw.StatesOkAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = $"arn:aws:states:us-east-1:000000000000:stateMachine:{machine}",
            ["name"] = name,
            ["input"] = new JsonObject { ["fail"] = fail }.ToJsonString(),
        });
}
