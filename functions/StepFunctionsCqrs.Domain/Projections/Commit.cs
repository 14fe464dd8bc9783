namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Everything one command appended: usually one change, one per aggregate for a hotel registration.</summary>
public sealed record Commit(string CommandId, IReadOnlyList<AggregateChange> Changes);
