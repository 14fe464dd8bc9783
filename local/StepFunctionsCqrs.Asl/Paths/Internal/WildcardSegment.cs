using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>.*</c> or <c>[*]</c>: every value of an object or element of an array.</summary>
internal sealed class WildcardSegment : PathSegment
{
    /// <summary>The one instance; the step has no parameters.</summary>
    public static WildcardSegment Instance { get; } = new();

    public override bool IsDefinite => false;

    public override void Match(JsonNode? node, PathWalk walk, int next)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    walk.Continue(property.Value, next);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    walk.Continue(array[i], next);
                }

                break;
        }
    }

    public override string Describe() => "[*]";
}
