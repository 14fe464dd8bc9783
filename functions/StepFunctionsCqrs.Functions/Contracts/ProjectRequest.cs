using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Each projection's input, per the state machine: Persist's commit and the execution id.</summary>
public sealed record ProjectRequest(Commit Commit, string ExecutionId);
