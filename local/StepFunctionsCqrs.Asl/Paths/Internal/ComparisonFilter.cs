using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>left op right</c>. Ordering only holds between two numbers or two strings; a missing operand never compares, except that <c>!=</c> is the negation of <c>==</c>.</summary>
internal sealed class ComparisonFilter(FilterOperand left, ComparisonOperator op, FilterOperand right) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root)
    {
        var hasLeft = left.TryEvaluate(current, root, out var l);
        var hasRight = right.TryEvaluate(current, root, out var r);
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            var equal = hasLeft && hasRight && JsonValueComparer.AreEqual(l, r);
            return op == ComparisonOperator.Equal ? equal : !equal;
        }

        if (!hasLeft || !hasRight || !JsonValueComparer.TryCompareOrdered(l, r, out var order))
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.LessThan => order < 0,
            ComparisonOperator.LessThanOrEqual => order <= 0,
            ComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }
}
