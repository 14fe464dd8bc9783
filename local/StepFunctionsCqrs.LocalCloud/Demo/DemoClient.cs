using System.Net;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Demo;

/// <summary>
/// The demo's client side, as any client of the deployed system: commands go to SQS with the real SDK client, and
/// outcomes and views are read from the read API over HTTP.
/// </summary>
public sealed class DemoClient(IAmazonSQS sqs, string commandsQueueUrl, HttpClient readApi)
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Sends a command; returns its command id.</summary>
    public async Task<string> SendAsync(JsonObject command, CancellationToken cancellationToken)
    {
        await sqs.SendMessageAsync(commandsQueueUrl, command.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return command["commandId"]!.GetValue<string>();
    }

    /// <summary>Polls the command status view until the command has an outcome; throws when none appears in time.</summary>
    public async Task<JsonObject> WaitForStatusAsync(string commandId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + StatusTimeout;
        while (true)
        {
            if (await GetAsync($"commands/{Uri.EscapeDataString(commandId)}", cancellationToken).ConfigureAwait(false) is { } status)
            {
                return status;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Command {commandId} has no recorded outcome after {StatusTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>GETs a read API path; null on 404, throws on other errors.</summary>
    public async Task<JsonObject?> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await readApi.GetAsync(pathAndQuery, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!.AsObject()
            : throw new HttpRequestException($"GET /{pathAndQuery} answered {(int)response.StatusCode}: {body}");
    }
}
