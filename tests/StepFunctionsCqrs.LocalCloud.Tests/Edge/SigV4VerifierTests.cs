using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.LocalCloud.Edge;

namespace StepFunctionsCqrs.LocalCloud.Tests.Edge;

/// <summary>Requests signed by the AWS SDK's own signer, checked by the edge's verifier.</summary>
public sealed class SigV4VerifierTests
{
    private const string Key = "LOCALADMIN";
    private const string Secret = "admin-secret-0123456789";

    [Theory]
    [InlineData("POST", "/", "", """{"QueueName":"q"}""")]
    [InlineData("GET", "/guests/gina/bookings", "", "")]
    [InlineData("GET", "/hotels/h%201/room-types/r~1/availability", "to=2027-01-03&from=2027-01-02&x=a%2Bb", "")]
    [InlineData("POST", "/commands", "", "{\"actor\":\"ünïcode\"}")]
    public async Task A_request_signed_with_the_known_secret_is_accepted_as_its_key(string method, string path, string query, string body)
    {
        var signed = await SignAsync(method, path, query, body, Secret);

        var verdict = Verifier().Verify(signed);

        Assert.Null(verdict.Fault);
        Assert.Equal(Key, verdict.AccessKey);
        Assert.True(verdict.Known);
        Assert.Equal("execute-api", verdict.Service);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_under_a_known_key_does_not_match()
    {
        var signed = await SignAsync("POST", "/commands", "", "{}", "guessed-secret");

        Assert.Equal(SignatureFaults.SignatureDoesNotMatch, Verifier().Verify(signed).Fault?.Code);
    }

    [Fact]
    public async Task A_body_changed_after_signing_does_not_match()
    {
        var signed = await SignAsync("POST", "/commands", "", """{"actor":"gina"}""", Secret);

        var tampered = signed with { Body = Encoding.UTF8.GetBytes("""{"actor":"ana!"}""") };

        Assert.Equal(SignatureFaults.SignatureDoesNotMatch, Verifier().Verify(tampered).Fault?.Code);
    }

    [Fact]
    public async Task A_path_changed_after_signing_does_not_match()
    {
        var signed = await SignAsync("GET", "/guests/gina/bookings", "", "", Secret);

        Assert.Equal(SignatureFaults.SignatureDoesNotMatch, Verifier().Verify(signed with { RawPath = "/guests/ana/bookings" }).Fault?.Code);
    }

    [Fact]
    public async Task A_request_signed_more_than_fifteen_minutes_from_the_edge_clock_is_too_skewed()
    {
        var signed = await SignAsync("POST", "/", "", "{}", Secret);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(16));

        Assert.Equal(SignatureFaults.RequestTimeTooSkewed, new SigV4Verifier(_ => Secret, clock).Verify(signed).Fault?.Code);
    }

    [Fact]
    public async Task An_unknown_key_is_accepted_unchecked_and_said_to_be_unknown()
    {
        var signed = await SignAsync("POST", "/", "", "{}", "anything");

        var verdict = new SigV4Verifier(_ => null, TimeProvider.System).Verify(signed);

        Assert.Null(verdict.Fault);
        Assert.False(verdict.Known);
        Assert.Equal(Key, verdict.AccessKey);
    }

    [Fact]
    public void A_request_without_an_authorization_header_is_missing_its_authentication_token()
    {
        var unsigned = new SignedRequest("GET", "/", "", _ => null, Array.Empty<byte>());

        Assert.Equal(SignatureFaults.MissingAuthenticationToken, Verifier().Verify(unsigned).Fault?.Code);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=LOCALADMIN/20260105/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=LOCALADMIN/20260105/us-east-1/sqs/aws4_request")]
    [InlineData("Bearer eyJhbGciOi")]
    public void An_authorization_header_lacking_a_part_is_an_incomplete_signature(string authorization)
    {
        var request = new SignedRequest("GET", "/", "", name => name == "authorization" ? authorization : null, Array.Empty<byte>());

        Assert.Equal(SignatureFaults.IncompleteSignature, Verifier().Verify(request).Fault?.Code);
    }

    [Fact]
    public void An_access_key_no_account_could_hold_is_an_invalid_client_token()
    {
        var authorization = $"AWS4-HMAC-SHA256 Credential=a\"b/20260105/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature={new string('0', 64)}";
        var request = new SignedRequest("GET", "/", "", name => name == "authorization" ? authorization : null, Array.Empty<byte>());

        Assert.Equal(SignatureFaults.InvalidClientTokenId, Verifier().Verify(request).Fault?.Code);
    }

    private static SigV4Verifier Verifier() => new(key => key == Key ? Secret : null, TimeProvider.System);

    // Signs with the SDK's handler and keeps what it would have sent.
    private static async Task<SignedRequest> SignAsync(string method, string path, string query, string body, string secret)
    {
        var capture = new CapturingHandler();
        using var http = new HttpClient(new SigV4SigningHandler(new BasicAWSCredentials(Key, secret), RegionEndpoint.USEast1, "execute-api", capture));
        using var request = new HttpRequestMessage(new HttpMethod(method), $"http://127.0.0.1:4566{path}{(query.Length > 0 ? "?" + query : "")}");
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return capture.Signed!;
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public SignedRequest? Signed { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["host"] = request.RequestUri!.Authority };
            foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                headers[name] = string.Join(',', values);
            }

            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var uri = request.RequestUri!;
            Signed = new SignedRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), name => headers.GetValueOrDefault(name), body);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
