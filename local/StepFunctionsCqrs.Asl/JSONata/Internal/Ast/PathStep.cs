namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>One step of a path with the predicates that filter each item's result (its "stages").</summary>
internal sealed class PathStep(Node expression)
{
    public Node Expression { get; set; } = expression;

    public List<Node>? Stages { get; set; }

    /// <summary>An array constructor first or last in a path is kept whole rather than flattened.</summary>
    public bool IsConstructor => Expression is ArrayConstructorNode;
}
