using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Compact JSON text as Step Functions writes it: no indentation, and no escaping of non-ASCII or HTML-sensitive characters.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The node as compact JSON; <c>null</c> for a JSON null.</summary>
    public static string Compact(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
