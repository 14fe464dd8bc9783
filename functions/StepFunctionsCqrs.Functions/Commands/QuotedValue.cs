using System.Text.Encodings.Web;
using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>How a message quotes a value the client sent: shortened, as a JSON string, so control characters show and a huge value cannot swell the message.</summary>
public static class QuotedValue
{
    /// <summary>The most characters of the value a message repeats.</summary>
    public const int MaxQuotedCharacters = 40;

    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value in double quotes with JSON escapes, cut after <see cref="MaxQuotedCharacters"/> characters with an ellipsis.</summary>
    public static string Of(string value) =>
        value.Length <= MaxQuotedCharacters
            ? JsonSerializer.Serialize(value, Escaping)
            : JsonSerializer.Serialize(value[..MaxQuotedCharacters], Escaping) + "…";
}
