using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Http;

[Collection(PipelineCollection.Name)]
public sealed class ReadApiEndpointTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_path_the_read_api_does_not_know_is_answered_404_by_the_query_function()
    {
        using var response = await fixture.Http.GetAsync("/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No route for GET /no/such/route", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_string_parameters_reach_the_query_function()
    {
        using var response = await fixture.Http.GetAsync("/hotels/h1/room-types/r1/availability?from=2027-01-02&to=not-a-date");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("to", reason["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_command_status_is_answered_404()
    {
        using var response = await fixture.Http.GetAsync($"/commands/unknown-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
