using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>
/// Which body each command id was first persisted with, and which commands were declined. A decline appends nothing to
/// any aggregate, so without this record a re-run of a declined command (a host restarted mid-execution, a redrive)
/// would decide again on newer state and might append after its Rejected status was recorded.
/// </summary>
public interface ICommandLedger
{
    /// <summary>
    /// Claims the command id for this body unless it is claimed already; returns the entry the ledger holds afterwards.
    /// <paramref name="fromVersion"/> is the version of the command's aggregate the caller knows (0 when none).
    /// </summary>
    Task<LedgerEntry> ClaimAsync(string commandId, string fingerprint, string executionId, long fromVersion, CancellationToken cancellationToken);

    /// <summary>Records the decline on the claim made for this body; a later claim of the same body returns it.</summary>
    Task RecordDeclineAsync(LedgerEntry claim, string executionId, Rejection decline, CancellationToken cancellationToken);

    /// <summary>The entry for the command id, or null when Persist never saw it.</summary>
    Task<LedgerEntry?> ReadAsync(string commandId, CancellationToken cancellationToken);
}
