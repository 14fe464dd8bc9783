using System.Collections.Concurrent;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>
/// Keeps the commits of recently loaded aggregates between invocations of a warm function, and reads only the commits
/// appended since. A commit never changes once its version is written, so a cached prefix stays exact, and the
/// consistent read of the rest makes every load return what an uncached load would. <see cref="LoadLastSeenAsync"/>
/// skips even that read: the store still decides every append, so a decision on stale commits loses its conditional
/// write, and the caller decides again on a fresh load.
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

    /// <summary>The cached commits when the aggregate is cached, without reading the store; otherwise a fresh load.</summary>
    public Task<IReadOnlyList<StoredCommit>> LoadLastSeenAsync(string aggregateId, CancellationToken cancellationToken)
    {
        if (histories.TryGetValue(aggregateId, out var cached))
        {
            Remember(aggregateId, cached.Commits);
            return Task.FromResult(cached.Commits);
        }

        return LoadAsync(aggregateId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCommit>> LoadAfterAsync(string aggregateId, long afterVersion, CancellationToken cancellationToken) =>
        [.. (await LoadAsync(aggregateId, cancellationToken).ConfigureAwait(false)).Where(c => c.Version > afterVersion)];

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCommit>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Appends, and on success extends the cached history when it ends just before the new version: versions are
    /// contiguous, so the log then holds exactly the cached commits and this one.
    /// </summary>
    public async Task AppendAsync(StoredCommit commit, CancellationToken cancellationToken)
    {
        await inner.AppendAsync(commit, cancellationToken).ConfigureAwait(false);
        var known = histories.GetValueOrDefault(commit.AggregateId)?.Commits ?? [];
        if ((known.Count == 0 ? 0 : known[^1].Version) == commit.Version - 1)
        {
            Remember(commit.AggregateId, [.. known, commit]);
        }
    }

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
