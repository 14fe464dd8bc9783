using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>in</c>: whether the left value is one of the right side's values (strict equality, as the reference).</summary>
internal sealed class InclusionNode(Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var rhs = right.Evaluate(input, frame);
        if (lhs is null || rhs is null)
        {
            return NodeConversion.False;
        }
        if (rhs is JsonataArray array)
        {
            foreach (var item in array)
            {
                if (StrictlyEqual(lhs, item))
                {
                    return NodeConversion.True;
                }
            }
            return NodeConversion.False;
        }
        return NodeConversion.Box(StrictlyEqual(lhs, rhs));
    }

    private static bool StrictlyEqual(object left, object? right) => left switch
    {
        double or string or bool or JsonataNull => DeepEquality.AreEqual(left, right),
        _ => ReferenceEquals(left, right),
    };
}
