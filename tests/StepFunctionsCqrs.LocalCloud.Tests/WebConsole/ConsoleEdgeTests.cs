using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>What the console answers callers who are not its own pages: it reads nothing for them and writes nothing.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ConsoleEdgeTests(PipelineFixture fixture)
{
    [Fact]
    public async Task No_unsigned_request_under_the_console_reaches_a_service()
    {
        // Unsigned, an SQS call under /console must not be routed to SQS the way a signed one at / is.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/x")
        {
            Content = new StringContent($$"""{"QueueUrl":"{{fixture.Cloud.Resources.CommandsQueueUrl}}","MessageBody":"sneaked"}""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonSQS.SendMessage");

        using var response = await fixture.UnsignedHttp.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("MessageId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_answers_only_calls_carrying_the_header_its_pages_send_and_a_cross_origin_redrive_is_refused()
    {
        using var bareRead = await fixture.UnsignedHttp.GetAsync("/console/api/queues");
        using var bareRedrive = await fixture.UnsignedHttp.PostAsync("/console/api/queues/redrive", null);
        using var crossOrigin = new HttpRequestMessage(HttpMethod.Post, "/console/api/queues/redrive");
        crossOrigin.Headers.TryAddWithoutValidation("Origin", "http://evil.example");
        using var refused = await fixture.ConsoleHttp.SendAsync(crossOrigin);
        using var own = await fixture.ConsoleHttp.GetAsync("/console/api/queues");

        Assert.Equal(HttpStatusCode.Forbidden, bareRead.StatusCode);
        Assert.Equal("NotFromConsole", JsonNode.Parse(await bareRead.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, bareRedrive.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("CrossOriginWriteRefused", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("/console/assets/../credentials")]
    [InlineData("/console/assets/%2e%2e/%2e%2e/credentials")]
    [InlineData("/console/assets/vendor/../../../../package.json")]
    [InlineData("/console/assets/no-such-file.js")]
    public async Task Only_the_console_files_are_served_from_its_assets(string path)
    {
        using var response = await fixture.UnsignedHttp.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("aws_secret_access_key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_files_carry_a_policy_that_loads_nothing_from_elsewhere()
    {
        using var page = await fixture.UnsignedHttp.GetAsync("/console/");
        using var elk = await fixture.UnsignedHttp.GetAsync("/console/assets/vendor/elk.bundled.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elk.StatusCode);
        Assert.Equal("text/javascript", elk.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/console/nowhere", HttpStatusCode.NotFound, "PageNotFound")]
    [InlineData("/console/executions/command-pipeline", HttpStatusCode.NotFound, "PageNotFound")]
    [InlineData("/console/executions/command-pipeline/has%20space", HttpStatusCode.BadRequest, "execution")]
    [InlineData("/console/commands/has%20space", HttpStatusCode.BadRequest, "commandId")]
    [InlineData("/console/queues?all=1", HttpStatusCode.BadRequest, "all")]
    [InlineData("/console/executions/command-pipeline/x?view=tree", HttpStatusCode.BadRequest, "view")]
    public async Task A_page_address_that_names_nothing_is_refused_with_the_reason(string path, HttpStatusCode status, string named)
    {
        using var response = await fixture.UnsignedHttp.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_without_its_slash_redirects_to_it()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Endpoint };

        using var response = await http.GetAsync("/console?status=FAILED");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/?status=FAILED", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_execution_of_a_deleted_state_machine_still_opens_with_its_history()
    {
        var name = $"deleted-{Guid.NewGuid():N}"[..24];
        var machine = (await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["roleArn"] = "arn:aws:iam::000000000000:role/local",
            ["definition"] = """{"StartAt":"Only","States":{"Only":{"Type":"Pass","End":true}}}""",
        }))["stateMachineArn"]!.GetValue<string>();
        await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "kept" });
        await fixture.Raw.StatesOkAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = machine });

        JsonNode page;
        var attempt = 0;
        do
        {
            await Task.Delay(50);
            page = JsonNode.Parse(await fixture.ConsoleHttp.GetStringAsync($"/console/api/executions/{name}/kept"))!;
        }
        while (page["execution"]!["status"]!.GetValue<string>() == "RUNNING" && ++attempt < 100);

        Assert.Equal("SUCCEEDED", page["execution"]!["status"]!.GetValue<string>());
        Assert.Contains(page["events"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "PassStateEntered");
        Assert.DoesNotContain(page["analysis"]!["graph"]!["nodes"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "state");
    }
}
