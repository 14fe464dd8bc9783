using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>One commit-log item as read back through DynamoDB.</summary>
public sealed record ObservedCommit(string AggregateId, long Version, string CommandId, IReadOnlyList<IDomainEvent> Events);
