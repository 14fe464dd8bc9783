using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.LocalCloud.Sqs;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>
/// A refusal at the edge, before any service sees the request, written the way the addressed service writes its
/// errors so SDKs raise their usual exceptions: SQS's JSON protocol (namespaced type and the query-error header), the
/// other JSON protocols' <c>__type</c>, or API Gateway's <c>message</c> for the HTTP routes.
/// </summary>
public static class EdgeRefusal
{
    /// <summary>Answers <paramref name="status"/> with <paramref name="code"/> and <paramref name="message"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        JsonObject body;
        if (target.Length == 0)
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers["x-amzn-ErrorType"] = code;
            body = new JsonObject { ["message"] = message, ["code"] = code };
        }
        else if (target.StartsWith(SqsProtocol.Prefix, StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.Headers["x-amzn-query-error"] = $"{code};Sender";
            body = new JsonObject { ["__type"] = SqsProtocol.ErrorNamespace + code, ["message"] = message };
        }
        else
        {
            context.Response.ContentType = "application/x-amz-json-1.0";
            body = new JsonObject { ["__type"] = code, ["message"] = message };
        }

        context.Response.StatusCode = status;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted).ConfigureAwait(false);
    }
}
