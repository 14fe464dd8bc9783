using System.Text;
using System.Text.Json;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Dispatching;

namespace StepFunctionsCqrs.Cli.DeadLetters;

/// <summary>Why a dead-lettered body could not become an execution, by the dispatcher's own rules.</summary>
public static class DeadLetterDiagnosis
{
    // The execution input wraps the body in {"command": ..., "sqs": {messageId, senderId, sentTimestamp, receiveCount}}.
    private const int ExecutionContextAllowanceBytes = 512;

    /// <summary>The reason, naming what was wrong with the body.</summary>
    public static string Why(string? body)
    {
        if (body is null)
        {
            return "The message has no body.";
        }

        var size = Encoding.UTF8.GetByteCount(body);
        if (size > MessageDispatcher.MaxBodyBytes)
        {
            return $"The body is {size} bytes; at most {MessageDispatcher.MaxBodyBytes} are accepted.";
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"The body is not JSON: {e.Message}";
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"The body is a JSON {root.ValueKind}, not a command object.";
        }

        if (!root.TryGetProperty("commandId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return "The command has no string field 'commandId'.";
        }

        var commandId = id.GetString()!;
        if (!Identifiers.IsCommandId(commandId))
        {
            return $"The commandId '{commandId}' cannot name an execution: it must be 1 to {Identifiers.MaxCommandIdLength} of {Identifiers.AllowedCharacters}.";
        }

        return size + ExecutionContextAllowanceBytes > MessageDispatcher.MaxBodyBytes
            ? $"The body is {size} bytes; wrapped with its SQS context the execution input would exceed the {MessageDispatcher.MaxBodyBytes} bytes Step Functions accepts."
            : $"The command '{commandId}' is well-formed enough to dispatch; it was dead-lettered after repeated dispatch failures (see the dispatcher's log).";
    }
}
