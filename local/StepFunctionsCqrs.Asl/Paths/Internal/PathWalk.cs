using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Collects the matches of an indefinite path, segment by segment, depth first in document order.</summary>
internal sealed class PathWalk(PathSegment[] segments, JsonNode? root, List<JsonNode?> results)
{
    /// <summary>The input document, which <c>$</c> inside a filter refers to.</summary>
    public JsonNode? Root { get; } = root;

    /// <summary>Applies the segment at <paramref name="index"/> to <paramref name="node"/>, or records it as a match after the last segment.</summary>
    public void Continue(JsonNode? node, int index)
    {
        if (index == segments.Length)
        {
            results.Add(node);
            return;
        }

        segments[index].Match(node, this, index + 1);
    }
}
