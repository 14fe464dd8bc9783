using System.Text.Json;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

[Collection(DynaliteCollection.Name)]
public sealed class QueryHandlerTests(Dynalite dynalite) : IAsyncLifetime
{
    private Pipeline pipeline = null!;

    public async Task InitializeAsync()
    {
        pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", 2));
        await pipeline.RunAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-03"));
        await pipeline.RunAsync(BookRoom("c2", "bob", "b2", "2027-03-02", "2027-03-03"));
        await pipeline.RunAsync(BookRoom("c3", "carol", "b3", "2027-03-02", "2027-03-04"));
        await pipeline.RunAsync(BookRoom("c4", "dave", "b4", "2027-03-01", "2027-03-02"));
        await pipeline.RunAsync(CancelBooking("c5", "dave", "b4"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Status, JsonElement Body)> GetAsync(string path, Dictionary<string, string>? query = null, string method = "GET")
    {
        var response = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get(path, query, method));
        Assert.Equal("application/json", response.GetProperty("headers").GetProperty("content-type").GetString());
        return (response.GetProperty("statusCode").GetInt32(), JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement);
    }

    private async Task<(int Status, JsonElement Body)> AnswerAsync(string apiEvent)
    {
        var response = await Lambda.InvokeAsync(pipeline.Query.Handle, apiEvent);
        return (response.GetProperty("statusCode").GetInt32(), JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement);
    }

    [Fact]
    public async Task A_guest_signing_as_themself_reads_their_own_bookings()
    {
        var (status, body) = await AnswerAsync(QueryEvents.Get("/guests/carol/bookings", caller: "arn:aws:iam::123456789012:user/carol"));

        Assert.Equal(200, status);
        Assert.Equal("b3", body.GetProperty("bookings")[0].GetProperty("bookingId").GetString());
    }

    [Fact]
    public async Task A_guest_reading_another_guests_bookings_is_refused_without_learning_whether_any_exist()
    {
        var (existing, body) = await AnswerAsync(QueryEvents.Get("/guests/carol/bookings", caller: "arn:aws:iam::123456789012:user/alice"));
        var (missing, _) = await AnswerAsync(QueryEvents.Get("/guests/nobody/bookings", caller: "arn:aws:iam::123456789012:user/alice"));

        Assert.Equal(403, existing);
        Assert.Equal(403, missing);
        Assert.Equal("Forbidden", body.GetProperty("code").GetString());
        Assert.DoesNotContain("b3", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrivals_are_refused_to_a_caller_without_the_admin_role()
    {
        var (status, body) = await AnswerAsync(QueryEvents.Get("/hotels/grand/arrivals", new() { ["date"] = "2027-03-01" }, caller: "arn:aws:iam::123456789012:user/alice"));

        Assert.Equal(403, status);
        Assert.Contains("admin", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_answers_any_authenticated_caller()
    {
        var (status, _) = await AnswerAsync(QueryEvents.Get("/hotels/grand/room-types/double/availability", new() { ["from"] = "2027-03-01", ["to"] = "2027-03-02" }, caller: "arn:aws:iam::123456789012:user/stranger"));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_request_without_an_authenticated_caller_is_refused_on_every_route()
    {
        foreach (var path in new[] { "/guests/carol/bookings", "/hotels/grand/room-types/double/availability", "/commands/c1" })
        {
            var (status, body) = await AnswerAsync(QueryEvents.Get(path, caller: null));

            Assert.Equal(401, status);
            Assert.Equal("NotAuthenticated", body.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_jwt_caller_is_its_subject_and_its_groups_claim_grants_admin()
    {
        var (own, _) = await AnswerAsync(QueryEvents.GetWithJwt("/guests/carol/bookings", """{ "sub": "carol", "groups": "[guest]" }"""));
        var (other, _) = await AnswerAsync(QueryEvents.GetWithJwt("/guests/alice/bookings", """{ "sub": "carol", "groups": "[guest]" }"""));
        var (admin, _) = await AnswerAsync(QueryEvents.GetWithJwt("/hotels/grand/arrivals", """{ "sub": "ops-1", "groups": "[admin guest]" }""", new() { ["date"] = "2027-03-01" }));

        Assert.Equal((200, 403, 200), (own, other, admin));
    }

    [Fact]
    public async Task Availability_lists_rooms_left_for_every_night_of_the_range_with_capacity_for_unbooked_nights()
    {
        var (status, body) = await GetAsync("/hotels/grand/room-types/double/availability", new() { ["from"] = "2027-02-28", ["to"] = "2027-03-04" });

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("capacity").GetInt32());
        Assert.Equal(
            [("2027-02-28", 2), ("2027-03-01", 1), ("2027-03-02", 0), ("2027-03-03", 2)],
            body.GetProperty("nights").EnumerateArray().Select(n => (n.GetProperty("date").GetString(), n.GetProperty("roomsLeft").GetInt32())));
    }

    [Fact]
    public async Task A_guests_bookings_include_waitlisted_and_cancelled_requests_with_their_status()
    {
        var (status, body) = await GetAsync("/guests/carol/bookings");
        var (_, dave) = await GetAsync("/guests/dave/bookings");

        Assert.Equal(200, status);
        Assert.Equal("Waitlisted", body.GetProperty("bookings")[0].GetProperty("status").GetString());
        Assert.Equal("Cancelled", dave.GetProperty("bookings")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Arrivals_list_the_guests_expected_on_a_date_and_not_cancelled_ones()
    {
        var (status, body) = await GetAsync("/hotels/grand/arrivals", new() { ["date"] = "2027-03-01" });

        Assert.Equal(200, status);
        Assert.Equal(["alice"], body.GetProperty("arrivals").EnumerateArray().Select(a => a.GetProperty("guestId").GetString()));
    }

    [Fact]
    public async Task A_command_status_is_found_by_id()
    {
        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, """{"commandId":"c9","status":"Rejected","rejection":{"reasons":[{"code":"UnknownHotel","message":"No hotel 'x' is registered."}]},"executionId":"e9"}""");

        var (status, body) = await GetAsync("/commands/c9");

        Assert.Equal(200, status);
        Assert.Equal("UnknownHotel", body.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/hotels/grand/room-types/double/availability", null, "from", "MissingField")]
    [InlineData("/hotels/grand/room-types/double/availability", "from=2027-03-01&to=2027-02-30", "to", "InvalidDate")]
    [InlineData("/hotels/grand/room-types/double/availability", "from=2027-03-05&to=2027-03-05", "to", "InvalidValue")]
    [InlineData("/hotels/grand/room-types/double/availability", "from=2027-01-01&to=2028-01-03", "to", "InvalidValue")]
    [InlineData("/hotels/grand/arrivals", "date=tomorrow", "date", "InvalidDate")]
    [InlineData("/guests/bad%23id/bookings", null, "guestId", "InvalidValue")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string path, string? query, string parameter, string code)
    {
        var parameters = query?.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var (status, body) = await GetAsync(path, parameters);

        Assert.Equal(400, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(parameter, body.GetProperty("field").GetString());
        Assert.Contains(parameter, body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/hotels/grand/room-types/penthouse/availability?from=2027-03-01&to=2027-03-02")]
    [InlineData("/hotels/nowhere/room-types/double/availability?from=2027-03-01&to=2027-03-02")]
    [InlineData("/guests/nobody/bookings")]
    [InlineData("/commands/never-sent")]
    [InlineData("/no/such/route")]
    public async Task Things_that_do_not_exist_get_404(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?');
        var query = parts.Length > 1 ? parts[1].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]) : null;

        var (status, _) = await GetAsync(parts[0], query);

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task The_read_api_refuses_to_write()
    {
        var (status, _) = await GetAsync("/commands/c1", method: "POST");

        Assert.Equal(405, status);
    }
}
