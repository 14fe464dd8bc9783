using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Lambda;

namespace StepFunctionsCqrs.LocalCloud.Http;

/// <summary>
/// The read API on the edge, as API Gateway's HTTP API would serve it: each request becomes a payload-format-2.0
/// event for the Query function, and the function's response becomes the HTTP response.
/// </summary>
public sealed class ReadApiEndpoint(InProcessFunctions functions, TimeProvider timeProvider)
{
    /// <summary>Answers one request through the Query function.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;

        // The edge has checked the signature, so the key it names is the caller, as IAM authorization names it on AWS.
        var caller = AwsCaller.From(request)
            ?? throw new InvalidOperationException("The read API was reached without a SigV4 signature; the edge's signature guard must run first.");
        var now = timeProvider.GetUtcNow();
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(',', values.ToArray());
        }

        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            query[name] = string.Join(',', values.ToArray());
        }

        var apiEvent = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = request.Path.ToUriComponent(),
            ["rawQueryString"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            ["headers"] = headers,
            ["queryStringParameters"] = query.Count > 0 ? query : null,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = functions.AccountId,
                ["apiId"] = "local",
                ["authorizer"] = new JsonObject
                {
                    ["iam"] = new JsonObject
                    {
                        ["accessKey"] = caller.AccessKey,
                        ["accountId"] = functions.AccountId,
                        ["callerId"] = caller.AccessKey,
                        ["userArn"] = caller.AccessKey,
                        ["userId"] = caller.AccessKey,
                    },
                },
                ["domainName"] = request.Host.Value,
                ["http"] = new JsonObject
                {
                    ["method"] = request.Method,
                    ["path"] = request.Path.ToUriComponent(),
                    ["protocol"] = request.Protocol,
                    ["sourceIp"] = context.Connection.RemoteIpAddress?.ToString(),
                    ["userAgent"] = request.Headers.UserAgent.ToString(),
                },
                ["requestId"] = context.TraceIdentifier,
                ["routeKey"] = "$default",
                ["stage"] = "$default",
                ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
            },
            ["isBase64Encoded"] = false,
        };

        using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(apiEvent));
        JsonNode? response;
        await using (var output = await functions.InvokeAsync(FunctionCatalog.Query, input).ConfigureAwait(false))
        {
            response = await JsonNode.ParseAsync(output, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }

        await WriteAsync(context, response).ConfigureAwait(false);
    }

    // A 2.0 response is either {statusCode, headers, body, isBase64Encoded} or, without statusCode, a JSON body for 200.
    private static async Task WriteAsync(HttpContext context, JsonNode? response)
    {
        if (response is JsonObject fields && fields["statusCode"] is JsonValue status)
        {
            context.Response.StatusCode = status.GetValue<int>();
            foreach (var (name, value) in fields["headers"]?.AsObject() ?? [])
            {
                context.Response.Headers[name] = value?.ToString();
            }

            var body = fields["body"]?.GetValue<string>() ?? "";
            var bytes = fields["isBase64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(response?.ToJsonString() ?? "null"), context.RequestAborted).ConfigureAwait(false);
    }
}
