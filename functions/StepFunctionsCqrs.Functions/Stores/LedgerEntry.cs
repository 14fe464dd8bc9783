using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>The write store's record of one command Persist has seen.</summary>
/// <param name="CommandId">The command id, the idempotency key.</param>
/// <param name="Fingerprint">The <see cref="Commands.CommandFingerprint"/> of the body first persisted under this id.</param>
/// <param name="Decline">The business rule's refusal once one was given; a decline is final, so a re-run returns it instead of deciding again.</param>
public sealed record LedgerEntry(string CommandId, string Fingerprint, Rejection? Decline);
