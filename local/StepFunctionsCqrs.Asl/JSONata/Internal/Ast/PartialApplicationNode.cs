using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>$f(?, 2)</c>: a new function taking the <c>?</c> arguments, the others fixed now.</summary>
internal sealed class PartialApplicationNode(Node procedure, List<Node> arguments, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var bound = new object?[arguments.Count];
        var open = new bool[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is PlaceholderNode)
            {
                open[i] = true;
            }
            else
            {
                bound[i] = arguments[i].Evaluate(input, frame);
            }
        }
        var function = FunctionCallNode.ResolveFunction(procedure, input, frame, "T1008", "T1007", Position);
        return new PartialFunction(function, bound, open);
    }
}
