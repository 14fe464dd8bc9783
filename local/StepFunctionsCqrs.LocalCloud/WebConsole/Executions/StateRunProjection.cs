using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Turns the fold's runs into the <see cref="StateRun"/> tree the page shows.</summary>
internal sealed class StateRunProjection(HistoryFold fold, DefinitionIndex definition, StatusRules statuses, RunBuilder? culprit, string? executionError, string? executionCause)
{
    public StateRun Project(RunBuilder run)
    {
        var status = statuses.Of(run);
        var (error, cause) = status is RunStatus.Failed or RunStatus.Caught ? FailureOf(run) : (null, null);
        var lastScheduled = run.Attempts.Count > 0 ? run.Attempts[^1].Scheduled : null;
        double? duration = run.Exited is { } exited ? Between(run.Entered, exited)
            : status == RunStatus.Running ? null
            : Between(run.Entered, run.LastEvent);
        return new StateRun(
            $"run-{run.Entered.Id}",
            run.Name,
            run.StateType,
            status,
            ResourceOf(run, lastScheduled),
            run.Entered.Id,
            run.Exited?.Id,
            After(run.Entered),
            duration,
            JsonPayload.Parse(EventDetails.String(run.Entered, "input")),
            run.Exited is null ? null : JsonPayload.Parse(EventDetails.String(run.Exited, "output")),
            lastScheduled is null ? null : JsonPayload.Parse(EventDetails.String(lastScheduled, "parameters") ?? EventDetails.String(lastScheduled, "input")),
            error,
            cause,
            Attempts(run, status),
            [.. run.Groups.OrderBy(g => g.Attempt).ThenBy(g => g.Index)
                .Select(g => new StateRunGroup(g.Label, g.Index, statuses.Of(g), [.. g.Runs.Select(Project)]))]);
    }

    private List<TaskAttempt> Attempts(RunBuilder run, string status)
    {
        var attempts = new List<TaskAttempt>(run.Attempts.Count);
        for (var i = 0; i < run.Attempts.Count; i++)
        {
            var attempt = run.Attempts[i];
            var previousEnd = i > 0 ? run.Attempts[i - 1].Ended : null;
            // An attempt the history leaves unanswered in an ended run was cut short, not still running.
            var outcome = attempt.Outcome == AttemptOutcomes.Running && status != RunStatus.Running ? AttemptOutcomes.Aborted : attempt.Outcome;
            attempts.Add(new TaskAttempt(
                i + 1,
                After(attempt.Scheduled),
                attempt.Ended is { } ended ? Between(attempt.Scheduled, ended) : null,
                outcome,
                attempt.Error,
                attempt.Cause,
                i == 0 ? null : previousEnd is null ? null : Between(previousEnd, attempt.Scheduled)));
        }

        return attempts;
    }

    // The error that ended the run: its last task attempt's, the first failure inside its branches or iterations, or a Fail state's.
    private (string? Error, string? Cause) FailureOf(RunBuilder run)
    {
        if (run.Attempts.Count > 0 && run.Attempts[^1].Failed)
        {
            return (run.Attempts[^1].Error, run.Attempts[^1].Cause);
        }

        if (run.Groups.Count > 0 && FailureLocator.Deepest(run, statuses) is { } inner && inner != run)
        {
            return FailureOf(inner);
        }

        if (ReferenceEquals(run, culprit) && executionError is not null)
        {
            return (executionError, executionCause);
        }

        var state = definition.Find(run.NodeId);
        return (JsonText.Of(state?["Error"]), JsonText.Of(state?["Cause"]));
    }

    private string? ResourceOf(RunBuilder run, HistoryEvent? scheduled)
    {
        if (JsonText.Of(definition.Find(run.NodeId)?["Resource"]) is { } resource)
        {
            return resource;
        }

        if (scheduled is null || EventDetails.String(scheduled, "resource") is not { } scheduledResource)
        {
            return null;
        }

        return EventDetails.String(scheduled, "resourceType") is { } type ? $"arn:aws:states:::{type}:{scheduledResource}" : scheduledResource;
    }

    private double After(HistoryEvent e) => (e.Timestamp - fold.Origin).TotalMilliseconds;

    private static double Between(HistoryEvent from, HistoryEvent to) => (to.Timestamp - from.Timestamp).TotalMilliseconds;
}
