using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>The result of reading an envelope: the envelope when it is well-formed, and every problem found.</summary>
public sealed record EnvelopeReading(CommandEnvelope? Envelope, IReadOnlyList<Reason> Reasons);
