using System.Net;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// Reads the local cloud's meter (<c>GET /meter</c> on the edge, signed like every call to it). Against AWS or LocalStack
/// there is none, and the bench reports DynamoDB and SQS usage as not measured.
/// </summary>
public sealed class LocalCloudMeter(HttpClient signedHttp, Uri? endpoint)
{
    /// <summary>The meter now, or null when the endpoint has none.</summary>
    public async Task<MeterSnapshot?> ReadAsync(CancellationToken cancellationToken)
    {
        if (endpoint is null)
        {
            return null;
        }

        try
        {
            using var response = await signedHttp.GetAsync(new Uri(endpoint, "/meter"), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            return MeterSnapshot.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
