using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>=</c> and <c>!=</c>: deep equality; false whenever a side is undefined, for both operators.</summary>
internal sealed class EqualityNode(bool negated, Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var rhs = right.Evaluate(input, frame);
        if (lhs is null || rhs is null)
        {
            return NodeConversion.False;
        }
        return NodeConversion.Box(DeepEquality.AreEqual(lhs, rhs) != negated);
    }
}
