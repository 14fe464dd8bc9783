using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Benchmarks.Persist;

/// <summary>The real commit log and snapshot store underneath, counting the items and the bytes of events and state each decision read.</summary>
public sealed class MeteredCommitLog(ICommitLog log, ISnapshotStore snapshots) : ICommitLog, ISnapshotStore
{
    /// <summary>Commits and snapshots read since the last <see cref="Reset"/>.</summary>
    public long Items { get; private set; }

    /// <summary>Bytes of event and state JSON read since the last <see cref="Reset"/>.</summary>
    public long Bytes { get; private set; }

    /// <summary>Starts counting again.</summary>
    public void Reset() => (Items, Bytes) = (0, 0);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCommit>> LoadAsync(string aggregateId, CancellationToken cancellationToken) => LoadAfterAsync(aggregateId, 0, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCommit>> LoadAfterAsync(string aggregateId, long afterVersion, CancellationToken cancellationToken)
    {
        var commits = await log.LoadAfterAsync(aggregateId, afterVersion, cancellationToken).ConfigureAwait(false);
        Items += commits.Count;
        Bytes += commits.Sum(c => (long)EventJson.Serialize(c.Events).Length);
        return commits;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCommit>> ReadAllAsync(CancellationToken cancellationToken) => log.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(StoredCommit commit, CancellationToken cancellationToken) => log.AppendAsync(commit, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredSnapshot?> ReadLatestAsync(string aggregateId, long? atOrBefore, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.ReadLatestAsync(aggregateId, atOrBefore, cancellationToken).ConfigureAwait(false);
        if (snapshot is not null)
        {
            Items++;
            Bytes += snapshot.State.Length;
        }

        return snapshot;
    }

    /// <inheritdoc />
    public Task WriteAsync(StoredSnapshot snapshot, CancellationToken cancellationToken) => snapshots.WriteAsync(snapshot, cancellationToken);

    /// <inheritdoc />
    public Task KeepClosedAsync(string aggregateId, IReadOnlyList<Booking> closed, CancellationToken cancellationToken) =>
        snapshots.KeepClosedAsync(aggregateId, closed, cancellationToken);

    /// <inheritdoc />
    public async Task<Booking?> FindClosedAsync(string aggregateId, string bookingId, CancellationToken cancellationToken)
    {
        var closed = await snapshots.FindClosedAsync(aggregateId, bookingId, cancellationToken).ConfigureAwait(false);
        Items++;
        Bytes += closed is null ? 0 : closed.BookingId.Length + closed.GuestId.Length + 40;
        return closed;
    }
}
