using System.Text;
using System.Text.Json;
using StepFunctionsCqrs.Functions.Commands;

namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>The dispatcher's rule for whether a message body can become an execution: the one place it is written.</summary>
public static class DispatchableBody
{
    /// <summary>The largest command, in UTF-8 bytes; larger bodies are dead-lettered.</summary>
    /// <remarks>
    /// Not SQS's 256 KiB: Persist's output is the execution input plus Validate's and Persist's results, and Persist's
    /// result repeats the command's name and room types, so a body near 256 KiB made that state pass Step Functions'
    /// 256 KiB limit and fail with States.DataLimitExceeded, which no Catch handles. A command with every field at its
    /// <see cref="FieldLimits"/> needs under 12 KiB even when each character is escaped to six bytes, so 64 KiB leaves
    /// room for fields the envelope does not read and for fields added later. The largest Persist result (a registration
    /// of 50 room types, or a cancellation promoting 30 waitlisted stays) is under 40 KiB, so with a 64 KiB body no
    /// state passes about 110 KiB, well under half the limit; StatePayloadSizeTests runs those commands and measures it.
    /// The execution input adds at most a few hundred bytes of SQS context to the body, so it is bounded by this too.
    /// </remarks>
    public const int MaxBytes = 64 * 1024;

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
