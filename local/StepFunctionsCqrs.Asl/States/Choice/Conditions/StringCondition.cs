using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>StringEquals, StringLessThan, ..., StringMatches (with * wildcards), and their *Path forms.</summary>
internal sealed class StringCondition(ComparisonOperator op, VariableReference variable, JsonNode? literal, VariableReference? operandPath)
    : ComparisonCondition(variable, literal, operandPath)
{
    protected override bool Compare(JsonNode? value, JsonNode? operand)
    {
        if (!JsonScalar.TryGetString(value, out var left) || !JsonScalar.TryGetString(operand, out var right)) return false;
        return op == ComparisonOperator.Matches
            ? WildcardPattern.Matches(right, left)
            : Ordering.Holds(op, string.CompareOrdinal(left, right));
    }
}
