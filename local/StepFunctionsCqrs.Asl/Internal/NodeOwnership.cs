using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Internal;

/// <summary>Rules for moving JSON nodes between trees: a node has one parent, and published nodes are never mutated.</summary>
internal static class NodeOwnership
{
    /// <summary>Returns the node itself when it is a free root, otherwise a deep copy that can be inserted elsewhere.</summary>
    public static JsonNode? Detached(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();

    /// <summary>Returns a deep copy (null stays null); used before a tree is modified so earlier readers never see the change.</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>A fresh empty object, the value a null InputPath or OutputPath produces.</summary>
    public static JsonObject EmptyObject() => new();

    /// <summary>Describes the JSON type of a node the way error causes name it.</summary>
    public static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };
}
