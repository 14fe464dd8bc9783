namespace StepFunctionsCqrs.Cli.Submitting;

/// <summary>The envelope fields every command shares, as given on the command line.</summary>
/// <param name="CommandId">Idempotency key; generated when null.</param>
/// <param name="UserId">The end user the command acts for.</param>
/// <param name="Roles">The roles the actor claims.</param>
/// <param name="CorrelationId">Ties the command to a wider operation; defaults to the command id.</param>
/// <param name="ExpectedVersion">Optional optimistic-concurrency guard.</param>
public sealed record EnvelopeOptions(string? CommandId, string UserId, IReadOnlyList<string> Roles, string? CorrelationId, long? ExpectedVersion);
