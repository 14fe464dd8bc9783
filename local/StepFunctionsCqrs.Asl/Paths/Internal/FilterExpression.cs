using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>A boolean expression inside <c>[?( )]</c>, tested against the current node <c>@</c>.</summary>
internal abstract class FilterExpression
{
    /// <summary>Whether the expression holds for <paramref name="current"/>; <paramref name="root"/> is what <c>$</c> refers to.</summary>
    public abstract bool Test(JsonNode? current, JsonNode? root);
}
