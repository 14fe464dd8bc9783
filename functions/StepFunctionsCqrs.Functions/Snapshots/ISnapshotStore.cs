using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Functions.Snapshots;

/// <summary>
/// Where aggregate snapshots are kept, with the bookings they closed. Only a cache of the commit log: losing every
/// snapshot together with the closed bookings costs reads, never correctness.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>The newest snapshot of the aggregate at or before <paramref name="atOrBefore"/> (any version when null), or null.</summary>
    Task<StoredSnapshot?> ReadLatestAsync(string aggregateId, long? atOrBefore, CancellationToken cancellationToken);

    /// <summary>Writes a snapshot; writing the same version twice is harmless, since the state at a version never changes.</summary>
    Task WriteAsync(StoredSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps bookings a snapshot drops from the state (<see cref="InventoryState.Close"/>); called before that snapshot
    /// is written. A closed booking never changes, so keeping one twice is harmless.
    /// </summary>
    Task KeepClosedAsync(string aggregateId, IReadOnlyList<Booking> closed, CancellationToken cancellationToken);

    /// <summary>The closed booking with this id, or null if none was kept; throws <see cref="InvalidDataException"/> when the kept item is damaged.</summary>
    Task<Booking?> FindClosedAsync(string aggregateId, string bookingId, CancellationToken cancellationToken);
}
