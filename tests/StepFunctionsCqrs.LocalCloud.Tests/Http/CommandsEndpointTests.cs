using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Http;

[Collection(PipelineCollection.Name)]
public sealed class CommandsEndpointTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_well_formed_command_is_accepted_with_202_and_its_status_url_then_shows_its_outcome()
    {
        var commandId = $"http-{Guid.NewGuid():N}";
        var command = DemoCommands.RegisterHotel(commandId, "admin-1", $"h-{Guid.NewGuid():N}"[..20], "Test Hotel", "single", 3);

        using var response = await fixture.Http.PostAsync("/commands", new StringContent(command.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(commandId, body["commandId"]!.GetValue<string>());
        var statusUrl = body["statusUrl"]!.GetValue<string>();
        Assert.EndsWith($"/commands/{commandId}", statusUrl);
        var status = await PollAsync(statusUrl);
        Assert.Equal("Accepted", status["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_command_is_refused_with_400_and_every_reason()
    {
        var command = new JsonObject { ["commandId"] = "bad one", ["type"] = "BookRoom", ["schemaVersion"] = 1 };

        using var response = await fixture.Http.PostAsync("/commands", new StringContent(command.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reasons = (await response.Content.ReadFromJsonAsync<JsonObject>())!["reasons"]!.AsArray();
        var fields = reasons.Select(r => r!["field"]?.GetValue<string>()).ToList();
        Assert.Contains("commandId", fields);
        Assert.Contains("issuedAt", fields);
        Assert.Contains("actor", fields);
        Assert.Contains("payload", fields);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_400_saying_so()
    {
        using var response = await fixture.Http.PostAsync("/commands", new StringContent("{oops", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not JSON", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> PollAsync(string url)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await fixture.Http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} never showed an outcome.");
    }
}
