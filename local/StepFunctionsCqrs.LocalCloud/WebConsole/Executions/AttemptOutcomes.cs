namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The values of <see cref="TaskAttempt.Outcome"/>.</summary>
public static class AttemptOutcomes
{
    /// <summary>The task returned a result.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The task failed with an error.</summary>
    public const string Failed = "failed";

    /// <summary>The task outlived its TimeoutSeconds or HeartbeatSeconds.</summary>
    public const string TimedOut = "timedOut";

    /// <summary>No answer yet.</summary>
    public const string Running = "running";

    /// <summary>The execution was stopped (or a sibling branch failed) while the task ran.</summary>
    public const string Aborted = "aborted";
}
