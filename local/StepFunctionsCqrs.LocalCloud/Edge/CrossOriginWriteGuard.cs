using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>
/// Refuses a write that a browser sends on behalf of a page from another origin. SDKs send no Origin header; a browser
/// always does on a POST, so a POST whose Origin is not the edge itself comes from some page the user has open.
/// </summary>
public static class CrossOriginWriteGuard
{
    /// <summary>The middleware.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!reads && origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            await EdgeRefusal.WriteAsync(context, StatusCodes.Status403Forbidden, "CrossOriginWriteRefused",
                $"A {request.Method} from the web origin '{origin}' is refused: the local cloud takes writes from its own origin and from non-browser clients only.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
