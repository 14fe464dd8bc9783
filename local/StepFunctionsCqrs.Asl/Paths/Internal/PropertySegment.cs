using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>.name</c> or <c>['name']</c>: a field of an object.</summary>
internal sealed class PropertySegment(string name) : PathSegment
{
    /// <summary>The field name.</summary>
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override bool TryStep(JsonNode? node, out JsonNode? child)
    {
        if (node is JsonObject obj)
        {
            return obj.TryGetPropertyValue(Name, out child);
        }

        child = null;
        return false;
    }

    public override string Describe() => PathText.QuoteName(Name);
}
