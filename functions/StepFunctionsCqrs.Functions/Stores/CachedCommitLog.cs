using System.Collections.Concurrent;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>
/// Keeps the commits of recently loaded aggregates between invocations of a warm function, and reads only the commits
/// appended since. A commit never changes once its version is written, so a cached prefix stays exact, and the
/// consistent read of the rest makes every load return what an uncached load would. The store still decides every
/// append, so the cache can be stale without harm: a stale decision loses its conditional write and is retried.
/// </summary>
public sealed class CachedCommitLog(ICommitLog inner, int capacity = CachedCommitLog.DefaultCapacity) : ICommitLog
{
    /// <summary>How many aggregates are kept by default.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, CachedHistory> histories = new(StringComparer.Ordinal);
    private long uses;

    /// <summary>How many aggregates are cached now.</summary>
    public int Count => histories.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCommit>> LoadAsync(string aggregateId, CancellationToken cancellationToken)
    {
        var cached = histories.GetValueOrDefault(aggregateId);
        var known = cached?.Commits ?? [];
        var newer = await inner.LoadAfterAsync(aggregateId, known.Count == 0 ? 0 : known[^1].Version, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StoredCommit> commits = newer.Count == 0 ? known : [.. known, .. newer];
        Remember(aggregateId, commits);
        return commits;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCommit>> LoadAfterAsync(string aggregateId, long afterVersion, CancellationToken cancellationToken) =>
        [.. (await LoadAsync(aggregateId, cancellationToken).ConfigureAwait(false)).Where(c => c.Version > afterVersion)];

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCommit>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(StoredCommit commit, CancellationToken cancellationToken) => inner.AppendAsync(commit, cancellationToken);

    // Concurrent loads of one aggregate may finish in any order; the longer history is the newer one.
    private void Remember(string aggregateId, IReadOnlyList<StoredCommit> commits)
    {
        var entry = new CachedHistory(commits, Interlocked.Increment(ref uses));
        histories.AddOrUpdate(aggregateId, entry, (_, existing) => existing.Commits.Count > commits.Count ? existing with { LastUse = entry.LastUse } : entry);
        if (histories.Count > capacity)
        {
            EvictLeastRecentlyUsed();
        }
    }

    // Drops the least recently used tenth at once, so a full cache does not sort on every load.
    private void EvictLeastRecentlyUsed()
    {
        foreach (var (aggregateId, _) in histories.OrderBy(p => p.Value.LastUse).Take(Math.Max(1, capacity / 10)).ToList())
        {
            histories.TryRemove(aggregateId, out _);
        }
    }

    private sealed record CachedHistory(IReadOnlyList<StoredCommit> Commits, long LastUse);
}
