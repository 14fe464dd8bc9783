using System.Text.Json;
using StepFunctionsCqrs.Cli.Tracing;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Cli.Tests.Tracing;

public sealed class TimelineBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static HistoryEvent Event(long id, long previous, string type, double seconds, string? detailName = null, object? details = null) => new()
    {
        Id = id,
        PreviousEventId = previous,
        Type = type,
        Timestamp = T0.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)),
        Details = detailName is null ? null : new() { [detailName] = JsonSerializer.SerializeToElement(details) },
    };

    private static HistoryEvent Entered(long id, long previous, string kind, string name, double seconds) =>
        Event(id, previous, $"{kind}StateEntered", seconds, "stateEnteredEventDetails", new { name });

    private static HistoryEvent Exited(long id, long previous, string kind, string name, double seconds) =>
        Event(id, previous, $"{kind}StateExited", seconds, "stateExitedEventDetails", new { name });

    [Fact]
    public void States_appear_in_entry_order_with_their_durations()
    {
        var timeline = TimelineBuilder.Build([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Task", "Validate", 0.1),
            Event(3, 2, "LambdaFunctionScheduled", 0.1),
            Event(4, 3, "LambdaFunctionSucceeded", 0.3),
            Exited(5, 4, "Task", "Validate", 0.35),
            Entered(6, 5, "Choice", "IsValid", 0.35),
            Exited(7, 6, "Choice", "IsValid", 0.36),
            Event(8, 7, "ExecutionSucceeded", 0.5),
        ]);

        Assert.Equal(["Validate", "IsValid"], timeline.States.Select(s => s.Name));
        Assert.Equal(TimeSpan.FromSeconds(0.25), timeline.States[0].Duration);
        Assert.Equal("Task", timeline.States[0].StateType);
        Assert.Equal(1, timeline.States[0].Attempts);
        Assert.Equal(0, timeline.States[0].Retries);
        Assert.Equal("ExecutionSucceeded", timeline.Outcome);
        Assert.Equal(T0.AddSeconds(0.5), timeline.Ended);
    }

    [Fact]
    public void A_retried_task_counts_its_attempts_and_keeps_each_failure()
    {
        var timeline = TimelineBuilder.Build([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Task", "Persist", 0),
            Event(3, 2, "LambdaFunctionScheduled", 0),
            Event(4, 3, "LambdaFunctionFailed", 0.1, "lambdaFunctionFailedEventDetails", new { error = "ConcurrencyConflict", cause = "Version 3 taken" }),
            Event(5, 4, "LambdaFunctionScheduled", 1.1),
            Event(6, 5, "LambdaFunctionSucceeded", 1.2),
            Exited(7, 6, "Task", "Persist", 1.2),
        ]);

        var persist = Assert.Single(timeline.States);
        Assert.Equal(2, persist.Attempts);
        Assert.Equal(1, persist.Retries);
        var failure = Assert.Single(persist.Failures);
        Assert.Equal("ConcurrencyConflict", failure.Error);
        Assert.Equal("Version 3 taken", failure.Cause);
        Assert.Null(timeline.Outcome);
    }

    [Fact]
    public void Interleaved_parallel_branches_attribute_retries_to_their_own_state()
    {
        var timeline = TimelineBuilder.Build([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Parallel", "Project", 0),
            Entered(3, 2, "Task", "ProjectAvailability", 0.01),
            Entered(4, 2, "Task", "ProjectArrivals", 0.01),
            Event(5, 3, "LambdaFunctionScheduled", 0.02),
            Event(6, 4, "LambdaFunctionScheduled", 0.02),
            Event(7, 6, "LambdaFunctionFailed", 0.03, "lambdaFunctionFailedEventDetails", new { error = "TransientStoreError", cause = "throttled" }),
            Event(8, 5, "LambdaFunctionSucceeded", 0.04),
            Exited(9, 8, "Task", "ProjectAvailability", 0.04),
            Event(10, 7, "LambdaFunctionScheduled", 1.0),
            Event(11, 10, "LambdaFunctionSucceeded", 1.1),
            Exited(12, 11, "Task", "ProjectArrivals", 1.1),
            Exited(13, 12, "Parallel", "Project", 1.2),
        ]);

        var availability = timeline.States.Single(s => s.Name == "ProjectAvailability");
        var arrivals = timeline.States.Single(s => s.Name == "ProjectArrivals");
        Assert.Equal(0, availability.Retries);
        Assert.Empty(availability.Failures);
        Assert.Equal(1, arrivals.Retries);
        Assert.Equal("TransientStoreError", Assert.Single(arrivals.Failures).Error);
        Assert.Equal(TimeSpan.FromSeconds(1.2), timeline.States.Single(s => s.Name == "Project").Duration);
    }

    [Fact]
    public void A_failed_execution_reports_its_error_and_cause()
    {
        var timeline = TimelineBuilder.Build([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Fail", "Failed", 0.2),
            Event(3, 2, "ExecutionFailed", 0.3, "executionFailedEventDetails", new { error = "CommandFailed", cause = "bug" }),
        ]);

        Assert.Equal("ExecutionFailed", timeline.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(0.1), Assert.Single(timeline.States).Duration);
        Assert.Equal("CommandFailed", timeline.Error);
        Assert.Equal("bug", timeline.Cause);
        Assert.Contains("ExecutionFailed after 0.300s: CommandFailed (bug)", TimelineRenderer.Ending(timeline));
    }

    [Fact]
    public void Without_previous_event_ids_events_go_to_the_state_still_open()
    {
        var timeline = TimelineBuilder.Build([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 0, "Task", "RecordStatus", 0),
            Event(3, 0, "LambdaFunctionScheduled", 0),
            Event(4, 0, "LambdaFunctionTimedOut", 1, "lambdaFunctionTimedOutEventDetails", new { error = "States.Timeout" }),
            Event(5, 0, "LambdaFunctionScheduled", 1),
            Exited(6, 0, "Task", "RecordStatus", 2),
        ]);

        var visit = Assert.Single(timeline.States);
        Assert.Equal(2, visit.Attempts);
        Assert.Equal("States.Timeout", Assert.Single(visit.Failures).Error);
        Assert.Equal(TimeSpan.FromSeconds(2), visit.Duration);
    }

    [Fact]
    public void A_state_aborted_when_its_parallel_sibling_failed_ends_at_the_abort()
    {
        var timeline = TimelineBuilder.Build([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Parallel", "Project", 0),
            Entered(3, 2, "Task", "ProjectAvailability", 0.1),
            Entered(4, 2, "Task", "ProjectArrivals", 0.1),
            Event(5, 3, "TaskStateAborted", 0.4, "stateExitedEventDetails", new { name = "ProjectAvailability" }),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(0.3), timeline.States.Single(s => s.Name == "ProjectAvailability").Duration);
        Assert.Null(timeline.States.Single(s => s.Name == "ProjectArrivals").Duration);
    }
}
