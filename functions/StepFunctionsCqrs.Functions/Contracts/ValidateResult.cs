using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Validate's output: accepted, or the schema and authorization reasons it was rejected for.</summary>
public sealed record ValidateResult(bool Accepted, Rejection? Rejection);
