using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>A string, number, true, false or null literal.</summary>
internal sealed class LiteralNode(object value, int position) : Node(position)
{
    public object Value { get; } = value;

    public override object? EvaluateCore(object? input, Frame frame) => Value;
}
