using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>BooleanEquals and BooleanEqualsPath.</summary>
internal sealed class BooleanCondition(VariableReference variable, JsonNode? literal, VariableReference? operandPath)
    : ComparisonCondition(variable, literal, operandPath)
{
    protected override bool Compare(JsonNode? value, JsonNode? operand) =>
        JsonScalar.TryGetBoolean(value, out var left) && JsonScalar.TryGetBoolean(operand, out var right) && left == right;
}
