using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>The edge: one port, requests dispatched to a service by the prefix of their X-Amz-Target header.</summary>
public sealed class AwsJsonRouter(IEnumerable<IAwsJsonService> services)
{
    private readonly IReadOnlyList<IAwsJsonService> services = [.. services];

    /// <summary>The prefixes served, for the startup banner and for errors.</summary>
    public IEnumerable<string> Prefixes => services.Select(s => s.TargetPrefix);

    /// <summary>Routes one request; unknown targets and non-JSON protocols get a clear 400.</summary>
    public async Task RouteAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var service = services.FirstOrDefault(s => target.StartsWith(s.TargetPrefix, StringComparison.Ordinal));
        if (service is not null)
        {
            await service.HandleAsync(context, target[service.TargetPrefix.Length..]);
            return;
        }

        var reason = string.IsNullOrEmpty(target)
            ? "The request has no X-Amz-Target header. The local cloud speaks the AWS JSON protocols only (not the query protocol)."
            : $"No service here handles X-Amz-Target '{target}'.";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/x-amz-json-1.0";
        var body = new JsonObject
        {
            ["__type"] = "UnknownOperationException",
            ["message"] = $"{reason} Served prefixes: {string.Join(", ", Prefixes)}.",
        };
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), context.RequestAborted);
    }
}
