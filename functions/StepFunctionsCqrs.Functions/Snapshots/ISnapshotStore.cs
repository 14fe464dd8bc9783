namespace StepFunctionsCqrs.Functions.Snapshots;

/// <summary>Where aggregate snapshots are kept. Only a cache: losing every snapshot costs reads, never correctness.</summary>
public interface ISnapshotStore
{
    /// <summary>The newest snapshot of the aggregate at or before <paramref name="atOrBefore"/> (any version when null), or null.</summary>
    Task<StoredSnapshot?> ReadLatestAsync(string aggregateId, long? atOrBefore, CancellationToken cancellationToken);

    /// <summary>Writes a snapshot; writing the same version twice is harmless, since the state at a version never changes.</summary>
    Task WriteAsync(StoredSnapshot snapshot, CancellationToken cancellationToken);
}
