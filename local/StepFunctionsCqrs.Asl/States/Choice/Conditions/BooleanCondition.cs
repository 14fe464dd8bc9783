using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>BooleanEquals and BooleanEqualsPath.</summary>
internal sealed class BooleanCondition(VariableReference variable, JsonNode? literal, VariableReference? operandPath)
    : ComparisonCondition(variable, literal, operandPath)
{
    protected override bool Compare(JsonNode? value, JsonNode? operand) =>
        TryBoolean(value, out var left) && TryBoolean(operand, out var right) && left == right;

    private static bool TryBoolean(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue v) return false;
        var kind = v.GetValueKind();
        if (kind is not (JsonValueKind.True or JsonValueKind.False)) return false;
        value = kind == JsonValueKind.True;
        return true;
    }
}
