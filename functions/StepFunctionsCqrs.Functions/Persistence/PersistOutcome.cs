using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Persistence;

/// <summary>What Persist returns to the workflow: the commit the views need, or why a business rule refused the command.</summary>
public sealed record PersistOutcome(bool Accepted, Rejection? Rejection, Commit? Commit)
{
    /// <summary>The command was appended (now or by an earlier attempt).</summary>
    public static PersistOutcome Committed(Commit commit) => new(true, null, commit);

    /// <summary>Nothing landed and nothing was declined: only a lookup answers this.</summary>
    public static PersistOutcome NotFound { get; } = new(false, null, null);

    /// <summary>A business rule refused the command; nothing was appended.</summary>
    public static PersistOutcome Declined(Rejection rejection) => new(false, rejection, null);
}
