using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>NumericEquals, NumericLessThan, ... and their *Path forms.</summary>
internal sealed class NumericCondition(ComparisonOperator op, VariableReference variable, JsonNode? literal, VariableReference? operandPath)
    : ComparisonCondition(variable, literal, operandPath)
{
    protected override bool Compare(JsonNode? value, JsonNode? operand) =>
        TryNumber(value, out var left) && TryNumber(operand, out var right) && Ordering.Holds(op, left.CompareTo(right));

    internal static bool TryNumber(JsonNode? node, out double number) => JsonScalar.TryGetNumber(node, out number);
}
