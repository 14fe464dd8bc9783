using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Each projection's input, per the state machine: Persist's commit and the execution id.</summary>
/// <param name="Commit">Persist's commit.</param>
/// <param name="ExecutionId">The execution, for tracing.</param>
/// <param name="Sqs">The message's facts, for the trace they continue.</param>
public sealed record ProjectRequest(Commit Commit, string ExecutionId, SqsContext? Sqs = null);
