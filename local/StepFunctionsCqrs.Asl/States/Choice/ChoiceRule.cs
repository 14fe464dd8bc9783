using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.Asl.States.Choice;

/// <summary>A top-level Choice rule: a condition, the state to go to, and optional Assign.</summary>
public sealed record ChoiceRule(ChoiceCondition Condition, string Next, AssignField? Assign);
