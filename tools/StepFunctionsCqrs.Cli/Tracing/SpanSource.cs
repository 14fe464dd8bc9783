using System.Net;
using System.Text.Json;
using StepFunctionsCqrs.Functions.Json;

namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>
/// Where a command's spans are read from: the local cloud's edge (<c>GET /telemetry/commands/{commandId}/spans</c>,
/// signed like every call to it). AWS and LocalStack keep no spans of their own: there they are in X-Ray or whatever
/// OTLP backend <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names, and this says so instead of guessing.
/// </summary>
public sealed class SpanSource(HttpClient signedHttp, Uri? endpoint)
{
    /// <summary>Why no spans are shown when the target is not the local cloud.</summary>
    public const string ElsewhereNote =
        "spans: the target keeps no spans of its own; they are in AWS X-Ray or the OTLP backend the functions export to (OTEL_EXPORTER_OTLP_ENDPOINT)";

    /// <summary>The command's spans; null when the target serves none (AWS, LocalStack); a <see cref="CliException"/> when the local cloud holds none of this command.</summary>
    public async Task<CommandTraceSpans?> ReadAsync(string commandId, CancellationToken cancellationToken)
    {
        if (endpoint is null)
        {
            return null;
        }

        var root = endpoint.ToString().EndsWith('/') ? endpoint : new Uri(endpoint + "/");
        var address = new Uri(root, $"telemetry/commands/{Uri.EscapeDataString(commandId)}/spans");
        HttpResponseMessage response;
        try
        {
            response = await signedHttp.GetAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"Cannot read the spans from {address}: {e.Message}", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonSerializer.Deserialize<CommandTraceSpans>(body, HandlerJson.Options)
                    ?? throw new CliException($"{address} answered an empty body.");
            }

            if (response.StatusCode == HttpStatusCode.NotFound && Refusal(body) is { Code: "NoSpans" } refusal)
            {
                throw new CliException(refusal.Message);
            }

            // Anything else at that address (LocalStack's 404, a proxy's page) is an endpoint that does not collect spans.
            return null;
        }
    }

    private static RefusalBody? Refusal(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<RefusalBody>(body, HandlerJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record RefusalBody(string Code, string Message);
}
