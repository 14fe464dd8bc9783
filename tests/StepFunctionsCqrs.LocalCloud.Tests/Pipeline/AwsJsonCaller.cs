using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

/// <summary>Sends SigV4-signed AWS JSON 1.0 requests with any body, and returns the status and JSON answer as they are.</summary>
public sealed class AwsJsonCaller(Uri edge, AWSCredentials credentials) : IDisposable
{
    private readonly HttpClient http = new(new SigV4SigningHandler(credentials, RegionEndpoint.USEast1, "states", new SocketsHttpHandler())) { BaseAddress = edge };

    /// <summary>Calls <paramref name="target"/> (e.g. AWSStepFunctions.CreateStateMachine) with <paramref name="body"/>.</summary>
    public async Task<(int Status, JsonObject Body)> CallAsync(string target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Calls a Step Functions operation with a JSON object body.</summary>
    public Task<(int Status, JsonObject Body)> StatesAsync(string operation, JsonObject body) =>
        CallAsync("AWSStepFunctions." + operation, body.ToJsonString());

    /// <summary>Calls a Step Functions operation that must succeed, returning its answer.</summary>
    public async Task<JsonObject> StatesOkAsync(string operation, JsonObject body)
    {
        var (status, answer) = await StatesAsync(operation, body);
        Assert.True(status == 200, $"{operation} answered {status}: {answer.ToJsonString()}");
        return answer;
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
