using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.Asl.Invokers;

/// <summary>
/// Runs Lambda-style Stream handlers in-process, keyed by function ARN (or name). A handler exception becomes a task
/// error the way Lambda reports it: Error is the exception's type name, Cause is {"errorMessage","errorType","stackTrace"}.
/// The arn:aws:states:::lambda:invoke integration is supported too: FunctionName picks the handler, Payload is its input,
/// and the result is wrapped as {"Payload": ..., "StatusCode": 200, "ExecutedVersion": "$LATEST"}.
/// </summary>
public sealed class LambdaHandlerInvoker(IReadOnlyDictionary<string, Func<Stream, Task<Stream>>> handlers) : ITaskInvoker
{
    private const string InvokeIntegration = "arn:aws:states:::lambda:invoke";

    /// <inheritdoc />
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var isIntegration = invocation.Resource.StartsWith(InvokeIntegration, StringComparison.Ordinal);
        var function = isIntegration ? invocation.Input?["FunctionName"]?.GetValue<string>() ?? "" : invocation.Resource;
        var payload = isIntegration ? invocation.Input?["Payload"] : invocation.Input;
        if (!TryFind(function, out var handler))
        {
            throw new StatesException("Lambda.ResourceNotFoundException",
                $"Function not found: {function} (state '{invocation.StateName}'). Registered: {string.Join(", ", handlers.Keys)}.");
        }

        Stream output;
        using (var input = new MemoryStream(payload is null ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(payload)))
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                output = await handler(input).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                throw ToTaskError(e);
            }
        }

        JsonNode? result;
        await using (output.ConfigureAwait(false))
        {
            if (output.CanSeek && output.Length - output.Position == 0) result = null;
            else
            {
                using var buffer = new MemoryStream();
                await output.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                result = buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray());
            }
        }
        return isIntegration
            ? new JsonObject { ["ExecutedVersion"] = "$LATEST", ["Payload"] = result, ["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 }, ["StatusCode"] = 200 }
            : result;
    }

    private bool TryFind(string function, out Func<Stream, Task<Stream>> handler)
    {
        if (handlers.TryGetValue(function, out handler!)) return true;
        // Accept a bare function name for an ARN key and the reverse, as Lambda does.
        var name = function.Split(':') is { Length: >= 7 } parts ? parts[6] : function;
        foreach (var (key, value) in handlers)
        {
            var keyName = key.Split(':') is { Length: >= 7 } keyParts ? keyParts[6] : key;
            if (keyName == name)
            {
                handler = value;
                return true;
            }
        }
        return false;
    }

    /// <summary>The task error Lambda would report for an unhandled exception.</summary>
    public static StatesException ToTaskError(Exception e)
    {
        var type = e.GetType().Name;
        var cause = new JsonObject
        {
            ["errorMessage"] = e.Message,
            ["errorType"] = type,
            ["stackTrace"] = new JsonArray((e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => (JsonNode?)l).ToArray()),
        };
        return new StatesException(type, cause.ToJsonString());
    }
}
