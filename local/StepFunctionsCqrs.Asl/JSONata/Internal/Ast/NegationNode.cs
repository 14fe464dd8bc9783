using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>Unary minus.</summary>
internal sealed class NegationNode(Node operand, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame) => operand.Evaluate(input, frame) switch
    {
        null => null,
        double d => -d,
        _ => throw Error("D1002", "Cannot negate a non-numeric value", "-"),
    };
}
