using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>One compiled piece of a payload template.</summary>
internal abstract class TemplateNode
{
    /// <summary>True when evaluating this node may read the context object.</summary>
    public abstract bool NeedsContext { get; }

    /// <summary>Produces a fresh node owned by the caller.</summary>
    public abstract JsonNode? Evaluate(PathScope scope, string field);
}
