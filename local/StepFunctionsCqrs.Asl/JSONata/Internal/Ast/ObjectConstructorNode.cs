using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>{key: value, ...}</c> on its own: a group-by over the context.</summary>
internal sealed class ObjectConstructorNode(List<(Node Key, Node Value)> pairs, int position) : Node(position)
{
    public List<(Node Key, Node Value)> Pairs { get; } = pairs;

    public override object? EvaluateCore(object? input, Frame frame) => GroupNode.Group(Pairs, input, frame, Position);
}
