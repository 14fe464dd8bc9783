using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>The <c>?</c> argument of a partial application: left open for the resulting function.</summary>
internal sealed class PlaceholderNode(int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame) =>
        throw Error("S0201", "A ? placeholder is only allowed as a function argument", "?");
}
