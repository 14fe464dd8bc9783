using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice;

/// <summary>A Boolean expression of a Choice rule.</summary>
public abstract class ChoiceCondition
{
    internal abstract bool Evaluate(JsonNode? input, BranchScope scope);
}
