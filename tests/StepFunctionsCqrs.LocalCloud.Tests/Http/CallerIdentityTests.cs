using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Http;

/// <summary>Who acts and who may read, decided by the signature on the request and never by what its body claims.</summary>
[Collection(PipelineCollection.Name)]
public sealed class CallerIdentityTests(PipelineFixture fixture)
{
    private static readonly DateOnly CheckIn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    [Fact]
    public async Task A_guest_signing_as_themself_books_as_themself()
    {
        var hotel = await RegisterHotelAsync();
        using var guest = SignedHttpClient.Create(fixture.Endpoint, fixture.Guest);

        var status = await SubmitAsync(guest, DemoCommands.BookRoom(Id(), PipelineFixture.GuestId, hotel, "double", Id(), CheckIn, CheckIn.AddDays(2)));

        Assert.Equal("Accepted", status["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_guest_cannot_book_as_another_guest()
    {
        var hotel = await RegisterHotelAsync();
        using var guest = SignedHttpClient.Create(fixture.Endpoint, fixture.Guest);

        var status = await SubmitAsync(guest, DemoCommands.BookRoom(Id(), "alice", hotel, "double", Id(), CheckIn, CheckIn.AddDays(2)));

        Assert.Equal("Rejected", status["status"]!.GetValue<string>());
        Assert.Contains("CannotActForOthers", Codes(status));
    }

    [Fact]
    public async Task A_guest_cannot_cancel_another_guests_booking()
    {
        var hotel = await RegisterHotelAsync();
        var booking = Id();
        var booked = await SubmitAsync(fixture.Http, DemoCommands.BookRoom(Id(), "alice", hotel, "double", booking, CheckIn, CheckIn.AddDays(2)));
        Assert.Equal("Accepted", booked["status"]!.GetValue<string>());
        using var guest = SignedHttpClient.Create(fixture.Endpoint, fixture.Guest);

        var status = await SubmitAsync(guest, DemoCommands.CancelBooking(Id(), "alice", hotel, "double", booking));

        Assert.Equal("Rejected", status["status"]!.GetValue<string>());
        Assert.Contains("CannotActForOthers", Codes(status));
    }

    [Fact]
    public async Task A_guest_cannot_act_as_admin_by_claiming_the_role()
    {
        using var guest = SignedHttpClient.Create(fixture.Endpoint, fixture.Guest);

        var status = await SubmitAsync(guest, DemoCommands.RegisterHotel(Id(), PipelineFixture.GuestId, Id()[..20], "Gina's", "double", 1));

        Assert.Equal("Rejected", status["status"]!.GetValue<string>());
        Assert.Contains("RoleNotGranted", Codes(status));
    }

    [Fact]
    public async Task A_key_the_local_cloud_does_not_know_is_served_as_itself_with_no_roles()
    {
        var hotel = await RegisterHotelAsync();
        using var stranger = SignedHttpClient.Create(fixture.Endpoint, new BasicAWSCredentials("stranger", "any-secret"));

        var claimingGuest = await SubmitAsync(stranger, DemoCommands.BookRoom(Id(), "stranger", hotel, "double", Id(), CheckIn, CheckIn.AddDays(1)));
        var claimingNothing = await SubmitAsync(stranger, WithoutRoles(DemoCommands.BookRoom(Id(), "stranger", hotel, "double", Id(), CheckIn, CheckIn.AddDays(1))));

        Assert.Equal("Rejected", claimingGuest["status"]!.GetValue<string>());
        Assert.Equal(["RoleNotGranted"], Codes(claimingGuest));
        Assert.DoesNotContain("RoleNotGranted", Codes(claimingNothing));
        Assert.DoesNotContain("CannotActForOthers", Codes(claimingNothing));
    }

    [Fact]
    public async Task A_forged_signature_under_a_known_key_is_refused_403_and_nothing_reaches_the_queue()
    {
        var queueUrl = (await fixture.CommandApiSqs.CreateQueueAsync($"forged-{Guid.NewGuid():N}")).QueueUrl;
        var forger = new BasicAWSCredentials(PipelineFixture.GuestId, "guessed-secret");
        using var sqs = new AmazonSQSClient(forger, new AmazonSQSConfig { ServiceURL = fixture.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        using var http = SignedHttpClient.Create(fixture.Endpoint, forger);

        var refused = await Assert.ThrowsAsync<AmazonSQSException>(() => sqs.SendMessageAsync(queueUrl, "{}"));
        using var posted = await http.PostAsync("/commands", Json(DemoCommands.BookRoom(Id(), PipelineFixture.GuestId, "h", "double", Id(), CheckIn, CheckIn.AddDays(1))));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", refused.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await posted.Content.ReadAsStringAsync());
        var attributes = await fixture.CommandApiSqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal(0, attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible);
    }

    [Fact]
    public async Task A_guest_reads_their_own_bookings_but_not_another_guests()
    {
        var hotel = await RegisterHotelAsync();
        using var guest = SignedHttpClient.Create(fixture.Endpoint, fixture.Guest);
        var booked = await SubmitAsync(guest, DemoCommands.BookRoom(Id(), PipelineFixture.GuestId, hotel, "double", Id(), CheckIn, CheckIn.AddDays(2)));
        Assert.Equal("Accepted", booked["status"]!.GetValue<string>());

        using var own = await guest.GetAsync($"/guests/{PipelineFixture.GuestId}/bookings");
        using var others = await guest.GetAsync("/guests/alice/bookings");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_read_is_refused_as_missing_its_authentication_token()
    {
        using var response = await fixture.UnsignedHttp.GetAsync("/guests/alice/bookings");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("MissingAuthenticationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_read_signed_for_another_service_is_refused()
    {
        using var sqsSigned = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(fixture.Cloud.Identities.Admin.Credentials,
            Amazon.RegionEndpoint.USEast1, "sqs", new SocketsHttpHandler())) { BaseAddress = fixture.Endpoint };

        using var response = await sqsSigned.GetAsync("/guests/alice/bookings");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("execute-api", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_for_a_host_name_that_is_not_loopback_is_refused_421()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "attacker.example";

        using var response = await fixture.UnsignedHttp.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_post_from_another_web_origin_is_refused_before_its_signature_is_looked_at()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/commands") { Content = Json(DemoCommands.BookRoom(Id(), "alice", "h", "double", Id(), CheckIn, CheckIn.AddDays(1))) };
        request.Headers.TryAddWithoutValidation("Origin", "https://attacker.example");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("CrossOriginWriteRefused", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_command_posted_as_a_form_is_refused_415()
    {
        using var response = await fixture.Http.PostAsync("/commands", new StringContent("commandId=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task<string> RegisterHotelAsync()
    {
        var hotel = $"id-{Guid.NewGuid():N}"[..20];
        var status = await SubmitAsync(fixture.Http, DemoCommands.RegisterHotel(Id(), "admin-ana", hotel, "Identity Hotel", "double", 5));
        Assert.Equal("Accepted", status["status"]!.GetValue<string>());
        return hotel;
    }

    private async Task<JsonObject> SubmitAsync(HttpClient client, JsonObject command)
    {
        using var response = await client.PostAsync("/commands", Json(command));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /commands answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var commandId = command["commandId"]!.GetValue<string>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var status = await fixture.Http.GetAsync($"/commands/{commandId}");
            if (status.StatusCode == HttpStatusCode.OK)
            {
                return (await status.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{commandId} never showed an outcome.");
    }

    private static JsonObject WithoutRoles(JsonObject command)
    {
        command["actor"]!["roles"] = new JsonArray();
        return command;
    }

    private static List<string> Codes(JsonObject status) =>
        [.. (status["reasons"]?.AsArray() ?? []).Select(r => r!["code"]!.GetValue<string>())];

    private static StringContent Json(JsonObject command) => new(command.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Id() => $"c-{Guid.NewGuid():N}";
}
