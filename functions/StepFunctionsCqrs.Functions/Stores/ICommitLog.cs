namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>
/// The append-only write store. Versions of an aggregate are contiguous from 1: each append takes the version after
/// the last one read, and only if it is still free, so a commit at version v means commits exist at 1..v-1.
/// </summary>
public interface ICommitLog
{
    /// <summary>All commits of an aggregate in version order; empty when it has none.</summary>
    Task<IReadOnlyList<StoredCommit>> LoadAsync(string aggregateId, CancellationToken cancellationToken);

    /// <summary>The commits of an aggregate above <paramref name="afterVersion"/>, in version order; empty when there are none.</summary>
    Task<IReadOnlyList<StoredCommit>> LoadAfterAsync(string aggregateId, long afterVersion, CancellationToken cancellationToken);

    /// <summary>Every commit of every aggregate, grouped by aggregate and in version order within each; for rebuilding views.</summary>
    Task<IReadOnlyList<StoredCommit>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Appends a commit if its version is still free; throws <see cref="Errors.ConcurrencyConflict"/> when it is taken.</summary>
    Task AppendAsync(StoredCommit commit, CancellationToken cancellationToken);
}
