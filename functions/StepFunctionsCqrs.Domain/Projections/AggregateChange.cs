using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>One commit appended to one aggregate, with what the views need to update themselves.</summary>
/// <param name="AggregateId">Commit-log key of the aggregate.</param>
/// <param name="Version">The commit's version; views ignore anything older than what they hold.</param>
/// <param name="Events">The events of the commit.</param>
/// <param name="Inventory">Post-commit state of the inventory keys the events touched; null for non-inventory aggregates.</param>
public sealed record AggregateChange(string AggregateId, long Version, IReadOnlyList<IDomainEvent> Events, InventoryTouched? Inventory);
