namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// How a run's and a thread's status follow from the events found. A run that never exited is running while its
/// thread may still go on; once the thread has ended it failed, unless it was stopped from outside.
/// </summary>
internal sealed class StatusRules(HistoryFold fold, DefinitionIndex definition)
{
    private readonly Dictionary<RunBuilder, string> statuses = [];

    public string Of(RunBuilder run)
    {
        if (!statuses.TryGetValue(run, out var status))
        {
            statuses[run] = status = Judge(run);
        }

        return status;
    }

    public string Of(ThreadBuilder thread)
    {
        switch (thread.EndType)
        {
            case "MapIterationSucceeded":
                return RunStatus.Succeeded;
            case "MapIterationFailed":
                return RunStatus.Failed;
            case "MapIterationAborted":
                return RunStatus.Aborted;
        }

        if (thread.Current is not { } last)
        {
            return fold.HasEnded(thread) ? RunStatus.Aborted : RunStatus.Running;
        }

        var status = Of(last);
        if (status is RunStatus.Running or RunStatus.Failed or RunStatus.Aborted)
        {
            return status;
        }

        return fold.HasEnded(thread) || (status != RunStatus.Caught && EndsBlock(last)) ? RunStatus.Succeeded : RunStatus.Running;
    }

    private string Judge(RunBuilder run)
    {
        var lastAttemptFailed = run.Attempts.Count > 0 && run.Attempts[^1].Failed;
        if (run.Exited is not null)
        {
            if (lastAttemptFailed || run.LastGroupAttemptFailed)
            {
                return RunStatus.Caught;
            }

            return run.Attempts.Any(a => a.Failed) || run.GroupFailures > 0 ? RunStatus.Retried : RunStatus.Succeeded;
        }

        if (run.Aborted is not null)
        {
            return RunStatus.Aborted;
        }

        if (!fold.HasEnded(run.Thread))
        {
            return RunStatus.Running;
        }

        if (run.StateType == "Fail" || lastAttemptFailed || run.LastGroupAttemptFailed)
        {
            return RunStatus.Failed;
        }

        return fold.Ended?.Type is "ExecutionAborted" or "ExecutionTimedOut" ? RunStatus.Aborted : RunStatus.Failed;
    }

    // Whether the run's exit was its block's end, so a branch whose siblings still run has reached its end node.
    private bool EndsBlock(RunBuilder run) =>
        run.StateType == "Succeed"
        || (run.StateType != "Choice" && JsonText.IsTrue(definition.Find(run.NodeId)?["End"]));
}
