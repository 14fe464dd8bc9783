using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Persistence;

/// <summary>
/// Loads inventories from their latest snapshot plus the commits after it, keeps recently used ones between invocations
/// of a warm function, and writes a snapshot once an inventory has moved <see cref="SnapshotInterval"/> versions past
/// its last one. A snapshot that cannot be read (another schema, damaged) is ignored with a warning and rebuilt from the
/// commit log, which stays the only source of truth. Each snapshot first closes the stays no command can change any
/// more (<see cref="InventoryState.Close"/>) as of <paramref name="timeProvider"/>'s date, keeping the bookings it drops
/// in the snapshot store, so a snapshot's size follows the open stays rather than the history.
/// </summary>
public sealed class InventoryHistories(
    ICommitLog commitLog, ISnapshotStore snapshots, TimeProvider timeProvider, ILogger? logger = null,
    int snapshotInterval = InventoryHistories.DefaultSnapshotInterval, int capacity = InventoryHistories.DefaultCapacity)
{
    /// <summary>Versions between snapshots by default: a cold decision then reads one snapshot and at most this many commits.</summary>
    public const int DefaultSnapshotInterval = 100;

    /// <summary>
    /// The largest snapshot written, in UTF-8 bytes of its state: DynamoDB refuses items over 400 KB, and the rest of
    /// the item and its keys need room too.
    /// </summary>
    public const int MaxSnapshotBytes = 380_000;

    /// <summary>How many inventories a warm function keeps by default.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly ILogger log = logger ?? NullLogger.Instance;
    private readonly SemaphoreSlim[] gates = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConcurrentDictionary<string, Cached> cache = new(StringComparer.Ordinal);
    private long uses;

    /// <summary>Versions between snapshots.</summary>
    public int SnapshotInterval { get; } = snapshotInterval;

    /// <summary>How many inventories are kept now.</summary>
    public int Count => cache.Count;

    /// <summary>
    /// Lets one decision at a time in this process work on the inventory (inventories share 256 gates). Deciders that
    /// race inside one process would only lose appends to each other: behind the gate each decides on the commits the
    /// one before it appended, reading nothing. A Lambda container runs one invocation at a time, so on AWS the gate
    /// never waits and races between containers are settled by the conditional append as before.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string aggregateId, CancellationToken cancellationToken)
    {
        var gate = gates[(int)((uint)StringComparer.Ordinal.GetHashCode(aggregateId) % (uint)gates.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Gate(gate);
    }

    /// <summary>Whether this process keeps the aggregate, so <see cref="LastSeenAsync"/> would read nothing.</summary>
    public bool Keeps(string aggregateId) => cache.ContainsKey(aggregateId);

    /// <summary>The inventory as this process last saw it, reading nothing when it is kept; possibly without the newest commits.</summary>
    public Task<InventoryHistory> LastSeenAsync(string hotelId, string roomTypeId, CancellationToken cancellationToken)
    {
        var aggregateId = AggregateIds.Inventory(hotelId, roomTypeId);
        return cache.TryGetValue(aggregateId, out var kept)
            ? Task.FromResult(Remember(kept.History))
            : LoadAsync(hotelId, roomTypeId, cancellationToken);
    }

    /// <summary>The inventory with every commit the log holds now: the kept history plus a consistent read of what came after it.</summary>
    public async Task<InventoryHistory> LoadAsync(string hotelId, string roomTypeId, CancellationToken cancellationToken)
    {
        var aggregateId = AggregateIds.Inventory(hotelId, roomTypeId);
        if (cache.TryGetValue(aggregateId, out var kept))
        {
            var newer = await commitLog.LoadAfterAsync(aggregateId, kept.History.Version, cancellationToken).ConfigureAwait(false);
            return Remember(kept.History.With(newer));
        }

        var (history, fromSnapshot) = await ColdLoadAsync(aggregateId, hotelId, roomTypeId, cancellationToken).ConfigureAwait(false);
        if (history.Version - history.BaseVersion >= SnapshotInterval || (!fromSnapshot && history.Version >= SnapshotInterval))
        {
            history = await SnapshotAsync(history, cancellationToken).ConfigureAwait(false);
        }

        return Remember(history);
    }

    /// <summary>Records an append made on <paramref name="before"/>, writing a snapshot when one is due; returns the history after it.</summary>
    public async Task<InventoryHistory> AppendedAsync(InventoryHistory before, StoredCommit commit, CancellationToken cancellationToken)
    {
        var after = before.With([commit]);
        if (after.Version - after.BaseVersion >= SnapshotInterval)
        {
            after = await SnapshotAsync(after, cancellationToken).ConfigureAwait(false);
        }

        return Remember(after);
    }

    /// <summary>
    /// The change a command's commit made, found among the commits after <paramref name="afterVersion"/> (which the
    /// command's first attempt saw before it could append anything); null when it appended nothing there.
    /// </summary>
    public async Task<AggregateChange?> FindAsync(string hotelId, string roomTypeId, string commandId, long afterVersion, CancellationToken cancellationToken)
    {
        var aggregateId = AggregateIds.Inventory(hotelId, roomTypeId);
        if (cache.TryGetValue(aggregateId, out var kept) && kept.History.ReplayableAfter <= afterVersion)
        {
            var current = await LoadAsync(hotelId, roomTypeId, cancellationToken).ConfigureAwait(false);
            if (current.ReplayableAfter <= afterVersion)
            {
                return current.Replay(commandId);
            }
        }

        // The commit may be older than every snapshot this process holds: start from a snapshot taken before it.
        var (start, _) = await ColdLoadAsync(aggregateId, hotelId, roomTypeId, cancellationToken, atOrBefore: afterVersion).ConfigureAwait(false);
        return start.Replay(commandId);
    }

    /// <summary>
    /// The history's state, with the booking of this id back in it when a snapshot closed it (<see cref="InventoryState.Recall"/>),
    /// so a decision on the command that names it is the one the whole log would give.
    /// </summary>
    public async Task<InventoryState> WithBookingAsync(InventoryHistory history, string bookingId, CancellationToken cancellationToken)
    {
        var state = history.State;
        if (!state.MayHaveClosed(bookingId))
        {
            return state;
        }

        Booking? closed;
        try
        {
            closed = await snapshots.FindClosedAsync(history.AggregateId, bookingId, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            log.LogWarning(e, "Ignoring the closed booking {BookingId} of {AggregateId}: it is damaged. Folding the commit log instead.", bookingId, history.AggregateId);
            var whole = await commitLog.LoadAsync(history.AggregateId, cancellationToken).ConfigureAwait(false);
            var everything = InventoryState.Fold(InventoryState.Initial(state.HotelId, state.RoomTypeId), whole.SelectMany(c => c.Events));
            closed = everything.Bookings.GetValueOrDefault(bookingId);
        }

        return closed is null ? state : state.Recall(closed);
    }

    private async Task<(InventoryHistory History, bool FromSnapshot)> ColdLoadAsync(
        string aggregateId, string hotelId, string roomTypeId, CancellationToken cancellationToken, long? atOrBefore = null)
    {
        var start = InventoryHistory.Empty(aggregateId, hotelId, roomTypeId);
        var fromSnapshot = false;
        if (await snapshots.ReadLatestAsync(aggregateId, atOrBefore, cancellationToken).ConfigureAwait(false) is { } snapshot)
        {
            var (state, problem) = InventorySnapshotCodec.Decode(snapshot, hotelId, roomTypeId);
            if (state is not null)
            {
                start = new InventoryHistory(aggregateId, state, snapshot.Version, []);
                fromSnapshot = true;
            }
            else
            {
                log.LogWarning("Ignoring the snapshot of {AggregateId} at version {Version}: {Problem}. Folding the commit log instead.",
                    aggregateId, snapshot.Version, problem);
            }
        }

        var tail = await commitLog.LoadAfterAsync(aggregateId, start.BaseVersion, cancellationToken).ConfigureAwait(false);
        return (start.With(tail), fromSnapshot);
    }

    // A failed snapshot write costs only later reads, so it is logged and the decision goes on. The closed bookings are
    // kept first: a snapshot without them would let a closed booking's id be used again. A state too large for one item
    // is not written; the kept history is rebased on the closed state all the same, so the next try waits an interval.
    private async Task<InventoryHistory> SnapshotAsync(InventoryHistory history, CancellationToken cancellationToken)
    {
        var (state, closed) = history.State.Close(StayRules.ClosingDay(DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)));
        var rebased = history.Rebased(state);
        var snapshot = InventorySnapshotCodec.Encode(history.AggregateId, history.Version, state);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(snapshot.State);
        try
        {
            if (closed.Count > 0)
            {
                await snapshots.KeepClosedAsync(history.AggregateId, closed, cancellationToken).ConfigureAwait(false);
            }

            if (bytes > MaxSnapshotBytes)
            {
                log.LogWarning("The state of {AggregateId} at version {Version} takes {Bytes} bytes, more than a snapshot holds ({Max}); cold loads fold the log.",
                    history.AggregateId, history.Version, bytes, MaxSnapshotBytes);
                return rebased;
            }

            await snapshots.WriteAsync(snapshot, cancellationToken).ConfigureAwait(false);
            return rebased;
        }
        catch (TransientStoreError e)
        {
            log.LogWarning(e, "Could not write the snapshot of {AggregateId} at version {Version}; the next load reads more commits.", history.AggregateId, history.Version);
            return history;
        }
    }

    // Concurrent loads of one inventory may finish in any order; the one that knows more commits is kept.
    private InventoryHistory Remember(InventoryHistory history)
    {
        var entry = new Cached(history, Interlocked.Increment(ref uses));
        cache.AddOrUpdate(history.AggregateId, entry, (_, existing) => existing.History.Version > history.Version ? existing with { LastUse = entry.LastUse } : entry);
        if (cache.Count > capacity)
        {
            // Drops the least recently used tenth at once, so a full cache does not sort on every load.
            foreach (var (aggregateId, _) in cache.OrderBy(p => p.Value.LastUse).Take(Math.Max(1, capacity / 10)).ToList())
            {
                cache.TryRemove(aggregateId, out _);
            }
        }

        return history;
    }

    private sealed record Cached(InventoryHistory History, long LastUse);

    private sealed class Gate(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
