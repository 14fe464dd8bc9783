using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>(a; b; c)</c>: evaluates in turn in a new scope and yields the last value.</summary>
internal sealed class BlockNode(List<Node> expressions, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var scope = new Frame(frame);
        object? result = null;
        foreach (var expression in expressions)
        {
            result = expression.Evaluate(input, scope);
        }
        return result;
    }
}
