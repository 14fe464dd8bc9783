namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>A command as it travels in the SQS body and the execution input, with its payload read into a domain command.</summary>
/// <param name="CommandId">Client-generated idempotency key and execution name.</param>
/// <param name="Type">One of <see cref="CommandTypes"/>.</param>
/// <param name="SchemaVersion">Version of the payload schema.</param>
/// <param name="IssuedAt">When the client issued the command.</param>
/// <param name="Actor">The end user the command is for.</param>
/// <param name="CorrelationId">Ties the command to the client's wider operation.</param>
/// <param name="ExpectedVersion">When set, the command only applies if the target aggregate is at this version.</param>
/// <param name="Command">The domain command read from the payload.</param>
public sealed record CommandEnvelope(
    string CommandId,
    string Type,
    int SchemaVersion,
    DateTimeOffset IssuedAt,
    ActorClaim Actor,
    string CorrelationId,
    long? ExpectedVersion,
    object Command);
