using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.LocalCloud.Edge;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>The Step Functions JSON 1.0 protocol on the edge: X-Amz-Target <c>AWSStepFunctions.&lt;Operation&gt;</c>, errors as <c>{"__type","message"}</c>.</summary>
public sealed class StepFunctionsProtocol(StepFunctionsOperations operations, ILogger<StepFunctionsProtocol> logger) : IAwsJsonService
{
    private const string ContentType = "application/x-amz-json-1.0";

    /// <inheritdoc />
    public string TargetPrefix => "AWSStepFunctions.";

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context, string operation)
    {
        JsonObject response;
        try
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            response = await operations.InvokeAsync(operation, body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (StepFunctionsFault fault)
        {
            await WriteAsync(context, fault.StatusCode, new JsonObject { ["__type"] = fault.Code, ["message"] = fault.Message }).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Step Functions {Operation} failed", operation);
            await WriteAsync(context, 500, new JsonObject { ["__type"] = "InternalFailure", ["message"] = $"{operation} failed: {e.Message}" }).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, response).ConfigureAwait(false);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return node as JsonObject
                ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.SerializationException, $"The request body must be a JSON object, not {node?.GetValueKind().ToString() ?? "null"}.");
        }
        catch (JsonException e)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.SerializationException, $"The request body is not JSON: {e.Message}");
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted).ConfigureAwait(false);
    }
}
