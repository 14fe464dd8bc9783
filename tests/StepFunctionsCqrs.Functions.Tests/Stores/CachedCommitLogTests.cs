using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.Stores;

[Collection(DynaliteCollection.Name)]
public sealed class CachedCommitLogTests(Dynalite dynalite)
{
    private static StoredCommit Commit(string aggregateId, long version) => new(
        aggregateId, version, $"{aggregateId}-c{version}", [new InventoryOpened("grand", "double", 2)],
        new DateTimeOffset(2027, 1, 10, 9, 30, 0, TimeSpan.Zero), $"exec-{version}");

    [Fact]
    public async Task A_warm_log_returns_what_another_writer_appended_since_exactly_as_an_uncached_load_does()
    {
        var store = new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog);
        var warm = new CachedCommitLog(store);
        var otherContainer = new CachedCommitLog(store);
        const string aggregate = "inventory#grand#double";
        foreach (var version in Enumerable.Range(1, 3))
        {
            await warm.AppendAsync(Commit(aggregate, version), CancellationToken.None);
        }

        Assert.Equal(3, (await warm.LoadAsync(aggregate, CancellationToken.None)).Count);
        await otherContainer.AppendAsync(Commit(aggregate, 4), CancellationToken.None);
        await otherContainer.AppendAsync(Commit(aggregate, 5), CancellationToken.None);

        var loaded = await warm.LoadAsync(aggregate, CancellationToken.None);

        Assert.Equal((await store.LoadAsync(aggregate, CancellationToken.None)).Select(c => (c.Version, c.CommandId)), loaded.Select(c => (c.Version, c.CommandId)));
        Assert.Equal([1L, 2, 3, 4, 5], loaded.Select(c => c.Version));
    }

    [Fact]
    public async Task After_the_first_load_only_commits_above_the_cached_version_are_read_from_the_store()
    {
        var store = new ReadCountingLog(new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog));
        var warm = new CachedCommitLog(store);
        const string aggregate = "inventory#grand#single";
        foreach (var version in Enumerable.Range(1, 4))
        {
            await store.AppendAsync(Commit(aggregate, version), CancellationToken.None);
        }

        await warm.LoadAsync(aggregate, CancellationToken.None);
        await store.AppendAsync(Commit(aggregate, 5), CancellationToken.None);
        await warm.LoadAsync(aggregate, CancellationToken.None);
        await warm.LoadAsync(aggregate, CancellationToken.None);

        Assert.Equal([(aggregate, 0L, 4), (aggregate, 4L, 1), (aggregate, 5L, 0)], store.Reads);
    }

    [Fact]
    public async Task A_full_cache_drops_its_least_recently_used_aggregates_and_loads_them_whole_again()
    {
        var store = new ReadCountingLog(new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog));
        var warm = new CachedCommitLog(store, capacity: 10);
        var aggregates = Enumerable.Range(0, 11).Select(i => $"inventory#grand#room-{i}").ToList();
        foreach (var aggregate in aggregates)
        {
            await store.AppendAsync(Commit(aggregate, 1), CancellationToken.None);
            await warm.LoadAsync(aggregate, CancellationToken.None);
        }

        Assert.True(warm.Count <= 10, $"The cache holds {warm.Count} aggregates, more than its capacity of 10.");
        store.Reads.Clear();

        var first = await warm.LoadAsync(aggregates[0], CancellationToken.None);
        var last = await warm.LoadAsync(aggregates[^1], CancellationToken.None);

        Assert.Equal([(aggregates[0], 0L, 1), (aggregates[^1], 1L, 0)], store.Reads);
        Assert.Equal(1, first.Single().Version);
        Assert.Equal(1, last.Single().Version);
    }

    [Fact]
    public async Task Loading_after_a_version_returns_only_the_later_commits_in_order()
    {
        var log = new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog);
        const string aggregate = "inventory#grand#suite";
        foreach (var version in Enumerable.Range(1, 6))
        {
            await log.AppendAsync(Commit(aggregate, version), CancellationToken.None);
        }

        Assert.Equal([5L, 6], (await log.LoadAfterAsync(aggregate, 4, CancellationToken.None)).Select(c => c.Version));
        Assert.Empty(await log.LoadAfterAsync(aggregate, 6, CancellationToken.None));
        Assert.Equal(6, (await log.LoadAfterAsync(aggregate, 0, CancellationToken.None)).Count);
    }
}
