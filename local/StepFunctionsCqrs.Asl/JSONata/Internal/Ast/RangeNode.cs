using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>a..b</c>: the integers from a to b, as a sequence an array constructor spreads.</summary>
internal sealed class RangeNode(Node left, Node right, int position) : Node(position)
{
    private const int MaximumSize = 10_000_000;

    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        var rhs = right.Evaluate(input, frame);
        if (lhs is not null && !ValueTypes.IsInteger(lhs))
        {
            throw Error("T2003", "The left side of the range operator (..) must evaluate to an integer", "..");
        }
        if (rhs is not null && !ValueTypes.IsInteger(rhs))
        {
            throw Error("T2004", "The right side of the range operator (..) must evaluate to an integer", "..");
        }
        if (lhs is null || rhs is null)
        {
            return null;
        }
        var from = (double)lhs;
        var to = (double)rhs;
        if (from > to)
        {
            return null;
        }
        var size = to - from + 1;
        if (size > MaximumSize)
        {
            throw Error("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {size}.", "..");
        }
        var result = new JsonataArray((int)size) { IsSequence = true };
        for (var value = from; value <= to; value++)
        {
            result.Add(value);
        }
        return result;
    }
}
