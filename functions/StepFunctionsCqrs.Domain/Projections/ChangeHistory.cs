using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Recreates the changes an aggregate's commits made, with the post-commit state of each, so views can be rebuilt from the commit log.</summary>
public static class ChangeHistory
{
    /// <summary>One change per commit, in version order; commits must be the aggregate's complete history from version 1.</summary>
    public static IEnumerable<AggregateChange> Of(string aggregateId, IEnumerable<(long Version, IReadOnlyList<IDomainEvent> Events)> commits)
    {
        InventoryState? inventory = null;
        foreach (var (version, events) in commits)
        {
            if (inventory is null && events.FirstOrDefault() is InventoryOpened opened)
            {
                inventory = InventoryState.Initial(opened.HotelId, opened.RoomTypeId);
            }

            if (inventory is null)
            {
                yield return new AggregateChange(aggregateId, version, events, null);
                continue;
            }

            inventory = InventoryState.Fold(inventory, events);
            yield return new AggregateChange(aggregateId, version, events, InventoryTouched.Of(inventory, events));
        }
    }
}
