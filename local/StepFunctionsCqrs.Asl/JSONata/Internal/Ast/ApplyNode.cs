using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>value ~> $f(args)</c> passes the value as the first argument; <c>$f ~> $g</c> composes.</summary>
internal sealed class ApplyNode(Node left, Node right, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var lhs = left.Evaluate(input, frame);
        if (right is FunctionCallNode call)
        {
            return call.Call(input, frame, lhs, true);
        }
        if (right.Evaluate(input, frame) is not JsonataFunction function)
        {
            throw Error("T2006", "The right side of the function application operator ~> must be a function", "~>");
        }
        if (lhs is JsonataFunction first)
        {
            return new ComposedFunction(first, function);
        }
        return function.Invoke([lhs], input, frame);
    }
}
