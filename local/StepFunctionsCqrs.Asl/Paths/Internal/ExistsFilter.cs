using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>A bare operand such as <c>@.isbn</c>: holds when the path leads somewhere (a JSON null counts), or when a literal is true.</summary>
internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root)
    {
        if (!operand.TryEvaluate(current, root, out var value))
        {
            return false;
        }

        return operand is not LiteralOperand || value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;
    }
}
