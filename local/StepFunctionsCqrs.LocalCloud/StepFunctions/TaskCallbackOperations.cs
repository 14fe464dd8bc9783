using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: the answers a worker sends with the task token a
/// <c>.waitForTaskToken</c> task handed it, checked as the service checks them.
/// </summary>
public sealed class TaskCallbackOperations(ExecutionRunner runner, StepFunctionsStore store)
{
    // The service's request limits (UTF-8 bytes for output, characters for the rest).
    private const int MaxTokenLength = 2048;
    private const int MaxOutputBytes = 262_144;
    private const int MaxErrorLength = 256;
    private const int MaxCauseLength = 32_768;

    /// <summary>Completes the token's task with the request's output.</summary>
    internal async Task<JsonObject> SendTaskSuccessAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var token = Token(request);
        var text = request.OptionalString("output")
            ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException, "1 validation error detected: Value null at 'output' failed to satisfy constraint: Member must not be null");
        if (Encoding.UTF8.GetByteCount(text) > MaxOutputBytes)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to {MaxOutputBytes}");
        }

        RequireGenuine(token);
        JsonNode? output;
        try
        {
            output = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidOutput, $"Invalid Output: '{e.Message}'");
        }

        await AnsweredAsync(runner.Callbacks.Succeed(token, output), cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <summary>Fails the token's task with the request's error and cause.</summary>
    internal async Task<JsonObject> SendTaskFailureAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var token = Token(request);
        var error = Limited(request, "error", MaxErrorLength);
        var cause = Limited(request, "cause", MaxCauseLength);
        RequireGenuine(token);
        await AnsweredAsync(runner.Callbacks.Fail(token, error, cause), cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <summary>Resets the HeartbeatSeconds clock of the token's task.</summary>
    internal async Task<JsonObject> SendTaskHeartbeatAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var token = Token(request);
        RequireGenuine(token);
        await AnsweredAsync(runner.Callbacks.Heartbeat(token), cancellationToken).ConfigureAwait(false);
        return [];
    }

    private static string Token(RequestFields request)
    {
        var token = request.RequiredString("taskToken");
        if (token.Length > MaxTokenLength)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length less than or equal to {MaxTokenLength}");
        }

        return token;
    }

    private static string? Limited(RequestFields request, string name, int max)
    {
        var value = request.OptionalString(name);
        if (value is { Length: var length } && length > max)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value at '{name}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }

        return value;
    }

    // The token is checked before the output, so a forged token learns nothing from how its output is judged.
    private void RequireGenuine(string token)
    {
        if (!runner.Callbacks.TryReadExecution(token, out _))
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidToken, "Invalid token");
        }
    }

    private async Task AnsweredAsync(CallbackDelivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery.Outcome)
        {
            case CallbackOutcome.Delivered:
                return;
            case CallbackOutcome.InvalidToken:
                throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidToken, "Invalid token");
        }

        // Genuine but closed: the execution it names may be gone altogether (its state machine was deleted).
        if (await store.GetExecutionAsync(delivery.ExecutionArn!, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.TaskDoesNotExist, $"Task Does Not Exist: the execution '{delivery.ExecutionArn}' of this token does not exist.");
        }

        throw new StepFunctionsFault(StepFunctionsErrorCodes.TaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'");
    }
}
