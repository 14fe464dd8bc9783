using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>condition ? then : else</c>; without an else branch a false condition gives undefined.</summary>
internal sealed class ConditionNode(Node condition, Node then, Node? otherwise, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        if (ValueTypes.IsTruthy(condition.Evaluate(input, frame)))
        {
            return then.Evaluate(input, frame);
        }
        return otherwise?.Evaluate(input, frame);
    }
}
