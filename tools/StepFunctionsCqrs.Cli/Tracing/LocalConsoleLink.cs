namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>The local cloud's console page of an execution, when the endpoint serves that console (LocalStack does not).</summary>
public static class LocalConsoleLink
{
    /// <summary>The page's URL, or null when nothing at <paramref name="endpoint"/> answers it with a page.</summary>
    public static async Task<Uri?> FindAsync(Uri endpoint, string executionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(executionArn);

        // arn:aws:states:<region>:<account>:execution:<state machine>:<name>
        var parts = executionArn.Split(':');
        if (parts.Length != 8 || parts[5] != "execution")
        {
            return null;
        }

        var root = endpoint.ToString().EndsWith('/') ? endpoint : new Uri(endpoint + "/");
        var page = new Uri(root, $"console/executions/{Uri.EscapeDataString(parts[6])}/{Uri.EscapeDataString(parts[7])}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(page, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html" ? page : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
