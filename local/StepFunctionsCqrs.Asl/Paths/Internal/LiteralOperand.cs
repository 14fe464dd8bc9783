using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>A number, quoted string, <c>true</c>, <c>false</c> or <c>null</c> written in a filter.</summary>
internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public override bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? result)
    {
        result = value;
        return true;
    }
}
