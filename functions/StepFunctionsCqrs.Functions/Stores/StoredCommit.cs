using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>One item of the commit log: the events one command appended to one aggregate.</summary>
/// <param name="AggregateId">Partition key.</param>
/// <param name="Version">Sort key; contiguous from 1 per aggregate.</param>
/// <param name="CommandId">The command that produced the commit; finding it again makes a retry idempotent.</param>
/// <param name="Events">The appended events, in order.</param>
/// <param name="CommittedAt">When the commit was appended.</param>
/// <param name="ExecutionId">The workflow execution that appended it, for tracing.</param>
public sealed record StoredCommit(
    string AggregateId, long Version, string CommandId, IReadOnlyList<IDomainEvent> Events, DateTimeOffset CommittedAt, string ExecutionId);
