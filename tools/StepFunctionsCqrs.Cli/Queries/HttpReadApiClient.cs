namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>Reads through the deployed read API (API Gateway, or the local cloud's).</summary>
public sealed class HttpReadApiClient(HttpClient http, Uri baseUrl) : IReadApiClient
{
    /// <inheritdoc />
    public async Task<ReadApiAnswer> GetAsync(string path, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var target = new Uri(baseUrl.ToString().TrimEnd('/') + path + QueryString(query));
        try
        {
            using var response = await http.GetAsync(target, cancellationToken).ConfigureAwait(false);
            return new ReadApiAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException e) when (TargetErrors.Describe(e, baseUrl.ToString(), "the read API") is { } message)
        {
            throw new CliException(message, e);
        }
    }

    private static string QueryString(IReadOnlyDictionary<string, string> query) =>
        query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
