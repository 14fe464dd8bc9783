using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>TimestampEquals, TimestampLessThan, ... and their *Path forms; values that are not RFC3339 never match.</summary>
internal sealed class TimestampCondition(ComparisonOperator op, VariableReference variable, JsonNode? literal, VariableReference? operandPath)
    : ComparisonCondition(variable, literal, operandPath)
{
    protected override bool Compare(JsonNode? value, JsonNode? operand) =>
        TryTimestamp(value, out var left) && TryTimestamp(operand, out var right) && Ordering.Holds(op, left.CompareTo(right));

    internal static bool TryTimestamp(JsonNode? node, out DateTimeOffset time)
    {
        time = default;
        return JsonScalar.TryGetString(node, out var text) && TimestampText.TryParse(text, out time);
    }
}
