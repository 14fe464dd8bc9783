using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>$name := value</c>: binds in the current scope and yields the value.</summary>
internal sealed class BindNode(string name, Node value, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var result = value.Evaluate(input, frame);
        frame.Bind(name, result);
        return result;
    }
}
