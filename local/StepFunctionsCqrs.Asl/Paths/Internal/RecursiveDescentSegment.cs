using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>..step</c>: applies <paramref name="inner"/> to a node and to every node beneath it, parents before children.</summary>
internal sealed class RecursiveDescentSegment(PathSegment inner) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Match(JsonNode? node, PathWalk walk, int next)
    {
        inner.Match(node, walk, next);
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    Match(property.Value, walk, next);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Match(array[i], walk, next);
                }

                break;
        }
    }

    public override string Describe() => ".." + inner.Describe();
}
