namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// Finds the run whose failure ended an execution: the failed top-level run (or, for a stopped or timed-out execution,
/// the one stopped), followed down through Parallel branches and Map iterations to the first run that failed there.
/// </summary>
internal static class FailureLocator
{
    public static RunBuilder? Culprit(HistoryFold fold, StatusRules statuses)
    {
        var top = fold.Root.Runs.LastOrDefault(r => statuses.Of(r) == RunStatus.Failed)
            ?? fold.Root.Runs.LastOrDefault(r => statuses.Of(r) == RunStatus.Aborted);
        return top is null ? null : Deepest(top, statuses);
    }

    /// <summary>The first failed run below a Parallel or Map run, or the run itself when none failed below it.</summary>
    public static RunBuilder Deepest(RunBuilder run, StatusRules statuses)
    {
        var failedBelow = run.Groups
            .Where(g => g.Attempt == run.GroupAttempts)
            .SelectMany(g => g.Runs)
            .Where(r => statuses.Of(r) == RunStatus.Failed)
            .MinBy(r => r.LastEvent.Id);
        return failedBelow is null ? run : Deepest(failedBelow, statuses);
    }
}
