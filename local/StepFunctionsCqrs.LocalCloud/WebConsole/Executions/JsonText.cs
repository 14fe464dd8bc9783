using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Reads definition fields that may be missing or of the wrong type in a definition the engine never validated.</summary>
internal static class JsonText
{
    public static string? Of(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
