using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Cli.Replay;

/// <summary>Turns an aggregate's commits into the changes the projections consume, exactly as Persist produced them.</summary>
public static class CommitChanges
{
    /// <summary>
    /// One change per commit, in version order. Inventory commits carry the post-commit state of the keys they touched,
    /// folded from the aggregate's history up to and including the commit.
    /// </summary>
    public static IReadOnlyList<AggregateChange> Of(IReadOnlyList<StoredCommit> aggregateCommits)
    {
        var ordered = aggregateCommits.OrderBy(c => c.Version).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var aggregateId = ordered[0].AggregateId;
        if (!aggregateId.StartsWith("inventory#", StringComparison.Ordinal))
        {
            return [.. ordered.Select(c => new AggregateChange(c.AggregateId, c.Version, c.Events, null))];
        }

        var parts = aggregateId.Split('#');
        if (parts.Length != 3)
        {
            throw new CliException($"Commit log item '{aggregateId}' is not an inventory id of the form inventory#<hotelId>#<roomTypeId>.");
        }

        var state = InventoryState.Initial(parts[1], parts[2]);
        var changes = new List<AggregateChange>(ordered.Count);
        foreach (var commit in ordered)
        {
            state = InventoryState.Fold(state, commit.Events);
            changes.Add(new AggregateChange(commit.AggregateId, commit.Version, commit.Events, InventoryTouched.Of(state, commit.Events)));
        }

        return changes;
    }
}
