using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>NumericEquals, NumericLessThan, ... and their *Path forms.</summary>
internal sealed class NumericCondition(ComparisonOperator op, VariableReference variable, JsonNode? literal, VariableReference? operandPath)
    : ComparisonCondition(variable, literal, operandPath)
{
    protected override bool Compare(JsonNode? value, JsonNode? operand) =>
        JsonScalar.TryGetNumber(value, out var left) && JsonScalar.TryGetNumber(operand, out var right) && Ordering.Holds(op, left.CompareTo(right));
}
