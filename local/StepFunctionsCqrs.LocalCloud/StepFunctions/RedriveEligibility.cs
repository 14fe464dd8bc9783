namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// Whether an execution can be redriven, and why not, in the service's words: a Standard execution that ended
/// FAILED, TIMED_OUT or ABORTED within the last 14 days, redriven fewer than 1,000 times, with a step to go on from.
/// </summary>
public static class RedriveEligibility
{
    /// <summary>How long after it ended an execution can be redriven.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(14);

    /// <summary>How many times one execution can be redriven.</summary>
    public const int MaxRedrives = 1000;

    /// <summary>The most events a history may hold and still take an ExecutionRedriven event and one more.</summary>
    public const int MaxHistoryEvents = 24_998;

    /// <summary>Why <paramref name="execution"/> cannot be redriven at <paramref name="now"/>, or null when it can.</summary>
    public static string? ReasonNot(ExecutionRecord execution, DateTimeOffset now) => execution.Status switch
    {
        "RUNNING" => "Execution is RUNNING and cannot be redriven.",
        "SUCCEEDED" => "Execution is SUCCEEDED and cannot be redriven.",
        _ when execution.StopDate is { } stopped && now - stopped > Period => "Execution redrivable period exceeded.",
        _ when execution.RedriveCount >= MaxRedrives => $"Execution has been redriven {MaxRedrives} times, the most allowed.",
        _ when execution.RedrivePoint is null => "Execution ended before it entered any state, so it has no step to be redriven from.",
        _ => null,
    };
}
