using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>A value inside a filter: a literal, or a path from <c>@</c> or <c>$</c>.</summary>
internal abstract class FilterOperand
{
    /// <summary>The operand's value, or false when its path leads nowhere.</summary>
    public abstract bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? value);
}
