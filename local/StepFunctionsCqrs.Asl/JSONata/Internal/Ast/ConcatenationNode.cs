using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>&amp;</c>: joins both sides as strings, undefined counting as empty.</summary>
internal sealed class ConcatenationNode(Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var rhs = right.Evaluate(input, frame);
        return string.Concat(lhs is null ? "" : StringFunctions.Stringify(lhs), rhs is null ? "" : StringFunctions.Stringify(rhs));
    }
}
