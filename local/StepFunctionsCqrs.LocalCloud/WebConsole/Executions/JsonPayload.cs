using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>History payloads and execution inputs are JSON text inside JSON strings; the console wants the JSON itself, or the text when it is not JSON.</summary>
internal static class JsonPayload
{
    public static JsonNode? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
