using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>The headers every console response carries: nothing from elsewhere may load, frame or be sniffed.</summary>
public static class ConsoleHeaders
{
    /// <summary>Sets them on <paramref name="response"/>.</summary>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        // The graph draws with style attributes; every script and style sheet comes from the console itself.
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
