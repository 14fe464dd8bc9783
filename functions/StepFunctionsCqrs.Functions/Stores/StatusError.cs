using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>
/// The part of a workflow error a client may see: its name and a one-line message. A Lambda error's cause is a JSON
/// document with the exception's type and stack trace, which tell an attacker about the code and tell a client nothing.
/// </summary>
public static class StatusError
{
    /// <summary>Longest error name kept; Step Functions allows 256.</summary>
    public const int MaxErrorLength = 256;

    /// <summary>Longest message kept from a cause.</summary>
    public const int MaxCauseLength = 1000;

    /// <summary><c>{"Error", "Cause"}</c> with the cause reduced to its message; null stays null.</summary>
    public static JsonElement? Public(JsonElement? error)
    {
        if (error is not { ValueKind: JsonValueKind.Object } value)
        {
            return error is null or { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null }
                ? null
                : JsonSerializer.SerializeToElement(new JsonObject { ["Error"] = "States.Unknown" });
        }

        var name = Text(value, "Error") ?? "States.Unknown";
        var result = new JsonObject { ["Error"] = Cut(name, MaxErrorLength) };
        if (Text(value, "Cause") is { } cause)
        {
            result["Cause"] = Cut(MessageOf(cause), MaxCauseLength);
        }

        return JsonSerializer.SerializeToElement(result);
    }

    private static string MessageOf(string cause)
    {
        try
        {
            using var document = JsonDocument.Parse(cause);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return FirstLine(Text(document.RootElement, "errorMessage") ?? "");
            }
        }
        catch (JsonException)
        {
        }

        return FirstLine(cause);
    }

    // A message may still be an exception's ToString(): keep the first line, never the frames under it.
    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r').Split("   at ", 2)[0].TrimEnd();

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max] + "…";
}
