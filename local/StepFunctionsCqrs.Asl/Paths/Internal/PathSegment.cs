using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>One compiled step of a path; definite steps lead to at most one node, the others may fan out.</summary>
internal abstract class PathSegment
{
    /// <summary>True when the step selects at most one node and is allowed in a Reference Path.</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>Follows a definite step; only called when <see cref="IsDefinite"/> is true.</summary>
    public virtual bool TryStep(JsonNode? node, out JsonNode? child)
    {
        throw new InvalidOperationException($"{GetType().Name} is not a definite step.");
    }

    /// <summary>Passes every node this step selects from <paramref name="node"/> on to the rest of the walk.</summary>
    public virtual void Match(JsonNode? node, PathWalk walk, int next)
    {
        if (TryStep(node, out var child))
        {
            walk.Continue(child, next);
        }
    }

    /// <summary>The step in canonical bracket notation, used in error messages.</summary>
    public abstract string Describe();
}
