using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>!expr</c>.</summary>
internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) => !inner.Test(current, root);
}
