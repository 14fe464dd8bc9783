namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The values of <see cref="StateRun.Status"/>, <see cref="StateRunGroup.Status"/> and <see cref="GraphNode.Status"/>, and how several runs combine.</summary>
public static class RunStatus
{
    /// <summary>Ended without an error.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Ended with an error no Catch took.</summary>
    public const string Failed = "failed";

    /// <summary>Failed, and a Catch took the error to another state.</summary>
    public const string Caught = "caught";

    /// <summary>Succeeded after at least one failed attempt.</summary>
    public const string Retried = "retried";

    /// <summary>Not ended yet.</summary>
    public const string Running = "running";

    /// <summary>Stopped from outside: the execution was stopped or timed out, or a sibling branch failed.</summary>
    public const string Aborted = "aborted";

    /// <summary>Never entered.</summary>
    public const string NotRun = "notRun";

    /// <summary>
    /// The more telling of two statuses, for a node run several times (in a loop, in several Map iterations):
    /// running, then failed, aborted, caught, retried, succeeded, and notRun last.
    /// </summary>
    public static string MostTelling(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string status) => status switch
    {
        Running => 6,
        Failed => 5,
        Aborted => 4,
        Caught => 3,
        Retried => 2,
        Succeeded => 1,
        _ => 0,
    };
}
