using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>Variable compared with a literal or with the value at another path; a type mismatch is simply false.</summary>
internal abstract class ComparisonCondition(VariableReference variable, JsonNode? literal, VariableReference? operandPath) : ChoiceCondition
{
    internal override bool Evaluate(JsonNode? input, BranchScope scope)
    {
        var value = variable.Resolve(input, scope);
        var operand = operandPath is null ? literal : operandPath.Resolve(input, scope);
        return Compare(value, operand);
    }

    protected abstract bool Compare(JsonNode? value, JsonNode? operand);
}
