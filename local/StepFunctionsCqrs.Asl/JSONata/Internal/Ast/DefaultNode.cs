using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>a ?: b</c> (b unless a is truthy) and <c>a ?? b</c> (b unless a is defined).</summary>
internal sealed class DefaultNode(bool coalesce, Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var keep = coalesce ? lhs is not null : ValueTypes.IsTruthy(lhs);
        return keep ? lhs : right.Evaluate(input, frame);
    }
}
