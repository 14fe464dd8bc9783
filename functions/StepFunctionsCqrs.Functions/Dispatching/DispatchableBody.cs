using System.Text;
using System.Text.Json;
using StepFunctionsCqrs.Functions.Commands;

namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>The dispatcher's rule for whether a message body can become an execution: the one place it is written.</summary>
public static class DispatchableBody
{
    /// <summary>SQS's classic message size limit; larger bodies would not fit an execution input either.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>Why the body cannot name an execution, or null with its command id and parsed command when it can.</summary>
    public static string? Problem(string? body, out string commandId, out JsonElement command)
    {
        commandId = "";
        command = default;
        if (body is null)
        {
            return "The message has no body.";
        }

        var size = Encoding.UTF8.GetByteCount(body);
        if (size > MaxBytes)
        {
            return $"The body is {size} bytes; at most {MaxBytes} are accepted.";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            command = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"The body is not JSON: {e.Message}";
        }

        if (command.ValueKind != JsonValueKind.Object)
        {
            return $"The body is a JSON {command.ValueKind}, not a command object.";
        }

        if (!command.TryGetProperty("commandId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return "The command has no string field 'commandId'.";
        }

        commandId = id.GetString()!;
        return Identifiers.IsCommandId(commandId)
            ? null
            : $"The commandId {QuotedValue.Of(commandId)} cannot name an execution: it must be 1 to {Identifiers.MaxCommandIdLength} of {Identifiers.AllowedCharacters}.";
    }
}
