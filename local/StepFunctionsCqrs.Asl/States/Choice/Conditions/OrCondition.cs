using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>Or: true when any operand is true (evaluated left to right, stopping at the first true).</summary>
internal sealed class OrCondition(IReadOnlyList<ChoiceCondition> operands) : ChoiceCondition
{
    internal override bool Evaluate(JsonNode? input, BranchScope scope)
    {
        foreach (var operand in operands)
        {
            if (operand.Evaluate(input, scope)) return true;
        }
        return false;
    }
}
