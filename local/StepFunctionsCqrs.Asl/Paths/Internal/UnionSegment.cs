using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>['a','b']</c> or <c>[0,2]</c>: several fields or elements, in the order written.</summary>
internal sealed class UnionSegment(PathSegment[] members) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Match(JsonNode? node, PathWalk walk, int next)
    {
        foreach (var member in members)
        {
            if (member.TryStep(node, out var child))
            {
                walk.Continue(child, next);
            }
        }
    }

    public override string Describe() =>
        "[" + string.Join(",", members.Select(m => m.Describe().Trim('[', ']'))) + "]";
}
