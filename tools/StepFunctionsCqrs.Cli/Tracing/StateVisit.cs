namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>One state's stay in an execution: when it was entered and left, how many task attempts it took, what failed.</summary>
public sealed record StateVisit(
    string Name,
    string StateType,
    DateTimeOffset Entered,
    DateTimeOffset? Exited,
    int Attempts,
    IReadOnlyList<StateFailure> Failures)
{
    /// <summary>How long the state took; null while it has not been left.</summary>
    public TimeSpan? Duration => Exited - Entered;

    /// <summary>Attempts after the first.</summary>
    public int Retries => Math.Max(0, Attempts - 1);
}
