using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>@.a.b</c> (from the current node) or <c>$.a.b</c> (from the input) inside a filter.</summary>
internal sealed class PathOperand(bool fromRoot, PathSegment[] segments) : FilterOperand
{
    private readonly bool _definite = segments.All(s => s.IsDefinite);

    public override bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        var node = fromRoot ? root : current;
        if (_definite)
        {
            foreach (var segment in segments)
            {
                if (!segment.TryStep(node, out node))
                {
                    value = null;
                    return false;
                }
            }

            value = node;
            return true;
        }

        var matches = new List<JsonNode?>();
        new PathWalk(segments, root, matches).Continue(node, 0);
        value = new JsonArray(matches.Select(m => m?.DeepClone()).ToArray());
        return true;
    }
}
