using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>The write store's record of one command Persist has seen.</summary>
/// <param name="CommandId">The command id, the idempotency key.</param>
/// <param name="Fingerprint">The <see cref="Commands.CommandFingerprint"/> of the body first persisted under this id.</param>
/// <param name="Decline">The business rule's refusal once one was given; a decline is final, so a re-run returns it instead of deciding again.</param>
/// <param name="FromVersion">
/// The aggregate's version the first attempt knew when it claimed the id. Nothing is appended before the claim, so the
/// command's commit, if any, is above this version: a later attempt looks for it there instead of in the whole history.
/// </param>
/// <param name="ClaimedNow">Whether this attempt made the claim, so no earlier attempt can have appended anything.</param>
public sealed record LedgerEntry(string CommandId, string Fingerprint, Rejection? Decline, long FromVersion = 0, bool ClaimedNow = false);
