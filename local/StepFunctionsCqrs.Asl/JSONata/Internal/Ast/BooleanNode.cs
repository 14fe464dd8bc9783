using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>and</c> / <c>or</c>, short-circuiting, over the operands' truthiness.</summary>
internal sealed class BooleanNode(bool isAnd, Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = ValueTypes.IsTruthy(left.Evaluate(input, frame));
        if (isAnd ? !lhs : lhs)
        {
            return NodeConversion.Box(lhs);
        }
        return NodeConversion.Box(ValueTypes.IsTruthy(right.Evaluate(input, frame)));
    }
}
