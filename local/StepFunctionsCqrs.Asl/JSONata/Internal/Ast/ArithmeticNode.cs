using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>+ - * / %</c> over numbers; undefined if either side is undefined.</summary>
internal sealed class ArithmeticNode(char op, Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var rhs = right.Evaluate(input, frame);
        if (lhs is not null && lhs is not double)
        {
            throw Error("T2001", $"The left side of the {op} operator must evaluate to a number", op.ToString());
        }
        if (rhs is not null && rhs is not double)
        {
            throw Error("T2002", $"The right side of the {op} operator must evaluate to a number", op.ToString());
        }
        if (lhs is null || rhs is null)
        {
            return null;
        }
        var l = (double)lhs;
        var r = (double)rhs;
        var result = op switch
        {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            '/' => l / r,
            _ => l % r,
        };
        if (!double.IsFinite(result))
        {
            throw Error("D1001", $"Number out of range: {result}", op.ToString());
        }
        return result;
    }
}
