using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>Reads CloudFormation references (<c>Ref</c>, <c>Fn::GetAtt</c>) out of template JSON.</summary>
internal static class JsonReferences
{
    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> points at, or null for anything else.</summary>
    public static string? TargetOf(JsonNode? node) => node switch
    {
        JsonObject o when o["Ref"] is JsonValue r => (string?)r,
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => (string?)a[0],
        _ => null,
    };

    /// <summary>A single value or an array of values, as a list.</summary>
    public static IReadOnlyList<JsonNode?> AsList(JsonNode? node) => node switch
    {
        JsonArray a => [.. a],
        null => [],
        _ => [node],
    };

    /// <summary>Every logical id referenced anywhere inside the node.</summary>
    public static IEnumerable<string> AllTargets(JsonNode? node)
    {
        if (TargetOf(node) is { } target)
        {
            yield return target;
        }

        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var t in AllTargets(child))
            {
                yield return t;
            }
        }
    }
}
