using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>&lt; &lt;= &gt; &gt;=</c> between two numbers or two strings.</summary>
internal sealed class ComparisonNode(string op, Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var rhs = right.Evaluate(input, frame);
        var lComparable = lhs is null or string or double;
        var rComparable = rhs is null or string or double;
        if (!lComparable || !rComparable)
        {
            throw Error("T2010", $"The expressions either side of operator {op} must evaluate to numeric or string values", op);
        }
        if (lhs is null || rhs is null)
        {
            return null;
        }
        int comparison;
        if (lhs is double l && rhs is double r)
        {
            comparison = l.CompareTo(r);
        }
        else if (lhs is string ls && rhs is string rs)
        {
            comparison = string.CompareOrdinal(ls, rs);
        }
        else
        {
            throw Error("T2009", $"The values {JsonText.Stringify(lhs, false)} and {JsonText.Stringify(rhs, false)} either side of operator {op} must be of the same data type", op);
        }
        var result = op switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            _ => comparison >= 0,
        };
        return NodeConversion.Box(result);
    }
}
