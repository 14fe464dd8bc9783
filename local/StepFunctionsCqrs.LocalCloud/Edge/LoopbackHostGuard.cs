using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>
/// Answers only requests addressed to a loopback name. The edge listens on 127.0.0.1 alone, but a web page can still
/// reach it under a name of its own that resolves to 127.0.0.1 (DNS rebinding) and read the answers as same-origin;
/// such a request names that other host, and is refused.
/// </summary>
public static class LoopbackHostGuard
{
    private static readonly HashSet<string> LoopbackNames = new(StringComparer.OrdinalIgnoreCase) { "127.0.0.1", "localhost", "[::1]" };

    /// <summary>True when the request's Host header names a loopback address.</summary>
    public static bool Admits(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Host.HasValue && LoopbackNames.Contains(request.Host.Host);
    }

    /// <summary>The middleware.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!Admits(context.Request))
        {
            await EdgeRefusal.WriteAsync(context, StatusCodes.Status421MisdirectedRequest, "MisdirectedRequest",
                $"The local cloud answers requests to 127.0.0.1, localhost or [::1] only, not to '{context.Request.Host.Value}'.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
