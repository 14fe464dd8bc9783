using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>$name</c>, <c>$</c> (the context) or <c>$$</c> (the root input).</summary>
internal sealed class VariableNode(string name, int position) : Node(position)
{
    public string Name { get; } = name;

    public override object? EvaluateCore(object? input, Frame frame)
    {
        if (Name.Length == 0)
        {
            return input is JsonataArray { IsOuterWrapper: true } wrapper ? wrapper[0] : input;
        }
        return frame.Lookup(Name);
    }
}
