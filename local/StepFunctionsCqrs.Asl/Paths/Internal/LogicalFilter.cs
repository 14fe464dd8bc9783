using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>a &amp;&amp; b</c> or <c>a || b</c>, short-circuiting.</summary>
internal sealed class LogicalFilter(FilterExpression left, bool isAnd, FilterExpression right) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) =>
        isAnd
            ? left.Test(current, root) && right.Test(current, root)
            : left.Test(current, root) || right.Test(current, root);
}
