using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>And: true when every operand is true (evaluated left to right, stopping at the first false).</summary>
internal sealed class AndCondition(IReadOnlyList<ChoiceCondition> operands) : ChoiceCondition
{
    internal override bool Evaluate(JsonNode? input, BranchScope scope)
    {
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(input, scope)) return false;
        }
        return true;
    }
}
