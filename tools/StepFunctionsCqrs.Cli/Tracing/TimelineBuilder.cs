using System.Text.Json;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>Folds an execution's event history into a timeline of state visits.</summary>
public static class TimelineBuilder
{
    /// <summary>Builds the timeline; events are attributed to states through their previousEventId chain, so parallel branches stay apart.</summary>
    public static ExecutionTimeline Build(IReadOnlyList<HistoryEvent> history)
    {
        var byId = history.ToDictionary(e => e.Id);
        var visits = new List<VisitBuilder>();
        var visitOfEntry = new Dictionary<long, VisitBuilder>();
        DateTimeOffset? started = null, ended = null;
        string? outcome = null, error = null, cause = null;

        foreach (var e in history.OrderBy(e => e.Id))
        {
            if (e.Type == "ExecutionStarted")
            {
                started = e.Timestamp;
            }
            else if (e.Type.StartsWith("Execution", StringComparison.Ordinal) && e.Type is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionAborted" or "ExecutionTimedOut")
            {
                ended = e.Timestamp;
                outcome = e.Type;
                (error, cause) = ErrorOf(e);
            }
            else if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                var visit = new VisitBuilder(NameOf(e), e.Type[..^"StateEntered".Length], e.Timestamp);
                visits.Add(visit);
                visitOfEntry[e.Id] = visit;
            }
            else if (e.Type.EndsWith("StateExited", StringComparison.Ordinal) || e.Type.EndsWith("StateAborted", StringComparison.Ordinal))
            {
                var name = NameOf(e);
                // An abort may carry no details; its branch chain still leads to the state it ended.
                var visit = Owner(e, byId, visitOfEntry) is { } owner && (owner.Name == name || name == "?")
                    ? owner
                    : visits.LastOrDefault(v => v.Name == name && v.Exited is null);
                if (visit is not null)
                {
                    visit.Exited = e.Timestamp;
                }
            }
            else if (e.Type is "LambdaFunctionScheduled" or "TaskScheduled" or "ActivityScheduled")
            {
                var owner = Owner(e, byId, visitOfEntry) ?? visits.LastOrDefault(v => v.Exited is null);
                if (owner is not null)
                {
                    owner.Attempts++;
                }
            }
            else if (e.Type.EndsWith("Failed", StringComparison.Ordinal) || e.Type.EndsWith("TimedOut", StringComparison.Ordinal))
            {
                var owner = Owner(e, byId, visitOfEntry) ?? visits.LastOrDefault(v => v.Exited is null);
                var (failure, failureCause) = ErrorOf(e);
                owner?.Failures.Add(new StateFailure(e.Type, failure ?? e.Type, failureCause, e.Timestamp));
            }
        }

        // Succeed and Fail states end the execution without an exit event of their own.
        foreach (var terminal in visits.Where(v => v.Exited is null && v.StateType is "Succeed" or "Fail"))
        {
            terminal.Exited = ended;
        }

        return new ExecutionTimeline(started, ended, outcome, error, cause, [.. visits.Select(v => v.Build())]);
    }

    // Walks back along previousEventId to the StateEntered event that opened the branch's current state.
    private static VisitBuilder? Owner(HistoryEvent e, IReadOnlyDictionary<long, HistoryEvent> byId, IReadOnlyDictionary<long, VisitBuilder> visitOfEntry)
    {
        var seen = 0;
        for (var id = e.PreviousEventId; id > 0 && seen < byId.Count; seen++)
        {
            if (visitOfEntry.TryGetValue(id, out var visit))
            {
                return visit;
            }

            if (!byId.TryGetValue(id, out var previous))
            {
                return null;
            }

            id = previous.PreviousEventId;
        }

        return null;
    }

    private static string NameOf(HistoryEvent e) =>
        Detail(e, "stateEnteredEventDetails", "name") ?? Detail(e, "stateExitedEventDetails", "name") ?? "?";

    private static (string? Error, string? Cause) ErrorOf(HistoryEvent e)
    {
        foreach (var (_, details) in e.Details ?? [])
        {
            if (details.ValueKind == JsonValueKind.Object && (details.TryGetProperty("error", out _) || details.TryGetProperty("cause", out _)))
            {
                return (StringOf(details, "error"), StringOf(details, "cause"));
            }
        }

        return (null, null);
    }

    private static string? Detail(HistoryEvent e, string detailName, string property) =>
        e.Details is not null && e.Details.TryGetValue(detailName, out var details) && details.ValueKind == JsonValueKind.Object
            ? StringOf(details, property)
            : null;

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class VisitBuilder(string name, string stateType, DateTimeOffset entered)
    {
        public string Name { get; } = name;

        public string StateType { get; } = stateType;

        public DateTimeOffset? Exited { get; set; }

        public int Attempts { get; set; }

        public List<StateFailure> Failures { get; } = [];

        public StateVisit Build() => new(Name, StateType, entered, Exited, Attempts, Failures);
    }
}
