using System.Text.Json;
using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>The command status view's row: what became of one command.</summary>
/// <param name="CommandId">Key.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Reasons">Why it was rejected; null unless rejected.</param>
/// <param name="Error">The workflow's error object (Error, Cause); null unless failed.</param>
/// <param name="Changes">The aggregate versions it appended; null unless accepted.</param>
/// <param name="ExecutionId">The execution that processed it.</param>
/// <param name="RecordedAt">When the outcome was first recorded.</param>
/// <param name="ExpiresAt">When the row may be deleted; null for rows written before statuses expired.</param>
public sealed record CommandStatusRecord(
    string CommandId,
    CommandOutcome Status,
    IReadOnlyList<Reason>? Reasons,
    JsonElement? Error,
    IReadOnlyList<AppendedVersion>? Changes,
    string ExecutionId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? ExpiresAt = null);

/// <summary>One aggregate version a command appended.</summary>
public sealed record AppendedVersion(string AggregateId, long Version);
