using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Functions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>function($x, $y){ body }</c>: a closure over the scope and context where it is written.</summary>
internal sealed class LambdaNode(List<string> parameters, Signature? signature, Node body, int position) : Node(position)
{
    public List<string> Parameters { get; } = parameters;

    public Signature? Signature { get; } = signature;

    public Node Body { get; } = body;

    public override object? EvaluateCore(object? input, Frame frame) => new LambdaFunction(this, frame, input);
}
