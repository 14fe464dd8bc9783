using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>[?(expr)]</c>: the array elements for which the expression holds; on an object, the object itself when it holds, as the JsonPath implementation AWS uses does.</summary>
internal sealed class FilterSegment(FilterExpression expression, string text) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Match(JsonNode? node, PathWalk walk, int next)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (expression.Test(array[i], walk.Root))
                    {
                        walk.Continue(array[i], next);
                    }
                }

                break;
            case JsonObject obj when expression.Test(obj, walk.Root):
                walk.Continue(obj, next);
                break;
        }
    }

    public override string Describe() => $"[?({text})]";
}
