using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Persistence;

/// <summary>
/// An inventory as Persist knows it: a base state as of <see cref="BaseVersion"/> (a snapshot, or the empty inventory at
/// 0) and the commits after it, so deciding folds only the tail.
/// </summary>
public sealed class InventoryHistory(string aggregateId, InventoryState baseState, long baseVersion, IReadOnlyList<StoredCommit> tail, InventoryHistory? before = null)
{
    /// <summary>The history as it was before the last rebase, so a commit folded into the base can still be replayed.</summary>
    public InventoryHistory? Before { get; } = before;

    /// <summary>The oldest version after which this history can replay a commit.</summary>
    public long ReplayableAfter => Before?.BaseVersion ?? BaseVersion;

    private InventoryState? state;

    /// <summary>The inventory's commit-log key.</summary>
    public string AggregateId { get; } = aggregateId;

    /// <summary>The state as of <see cref="BaseVersion"/>.</summary>
    public InventoryState Base { get; } = baseState;

    /// <summary>The last commit folded into <see cref="Base"/>; 0 when the base is the unopened inventory.</summary>
    public long BaseVersion { get; } = baseVersion;

    /// <summary>The commits after <see cref="BaseVersion"/>, in version order.</summary>
    public IReadOnlyList<StoredCommit> Tail { get; } = tail;

    /// <summary>The version of the newest commit known; 0 for an aggregate with none.</summary>
    public long Version => Tail.Count == 0 ? BaseVersion : Tail[^1].Version;

    /// <summary>The state after every known commit.</summary>
    public InventoryState State => state ??= InventoryState.Fold(Base, Tail.SelectMany(c => c.Events));

    /// <summary>An unopened inventory with no commits.</summary>
    public static InventoryHistory Empty(string aggregateId, string hotelId, string roomTypeId) =>
        new(aggregateId, InventoryState.Initial(hotelId, roomTypeId), 0, []);

    /// <summary>This history followed by newer commits, which must continue its versions.</summary>
    public InventoryHistory With(IReadOnlyList<StoredCommit> newer) =>
        newer.Count == 0 ? this : new InventoryHistory(AggregateId, Base, BaseVersion, [.. Tail, .. newer], Before);

    /// <summary>
    /// The history rebased on <paramref name="state"/>, the state at <see cref="Version"/> as a snapshot holds it (closed,
    /// <see cref="InventoryState.Close"/>), keeping this history one interval back so its commits can still be replayed.
    /// </summary>
    public InventoryHistory Rebased(InventoryState state) =>
        new(AggregateId, state, Version, [], Tail.Count == 0 ? Before : new InventoryHistory(AggregateId, Base, BaseVersion, Tail));

    /// <summary>The change the command's commit made, when that commit is in the tail; null otherwise.</summary>
    public AggregateChange? Replay(string commandId)
    {
        if (!Tail.Any(c => c.CommandId == commandId))
        {
            return Before?.Replay(commandId);
        }

        var inventory = Base;
        foreach (var commit in Tail)
        {
            inventory = InventoryState.Fold(inventory, commit.Events);
            if (commit.CommandId == commandId)
            {
                return new AggregateChange(AggregateId, commit.Version, commit.Events, InventoryTouched.Of(inventory, commit.Events));
            }
        }

        return null;
    }
}
