using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>Not: the negation of its single operand.</summary>
internal sealed class NotCondition(ChoiceCondition operand) : ChoiceCondition
{
    internal override bool Evaluate(JsonNode? input, BranchScope scope) => !operand.Evaluate(input, scope);
}
