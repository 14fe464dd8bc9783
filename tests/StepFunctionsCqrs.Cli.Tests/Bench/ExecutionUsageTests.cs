using System.Text.Json;
using StepFunctionsCqrs.Cli.Bench;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Cli.Tests.Bench;

public sealed class ExecutionUsageTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static HistoryEvent Event(long id, long previous, string type, double milliseconds, string? detailName = null, object? details = null) => new()
    {
        Id = id,
        PreviousEventId = previous,
        Type = type,
        Timestamp = T0.AddTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond)),
        Details = detailName is null ? null : new() { [detailName] = JsonSerializer.SerializeToElement(details) },
    };

    private static HistoryEvent Entered(long id, long previous, string kind, string name, double ms) =>
        Event(id, previous, $"{kind}StateEntered", ms, "stateEnteredEventDetails", new { name });

    private static HistoryEvent Exited(long id, long previous, string kind, string name, double ms) =>
        Event(id, previous, $"{kind}StateExited", ms, "stateExitedEventDetails", new { name });

    private static HistoryEvent Scheduled(long id, long previous, string function, double ms) =>
        Event(id, previous, "LambdaFunctionScheduled", ms, "lambdaFunctionScheduledEventDetails", new { resource = $"arn:aws:lambda:us-east-1:000000000000:function:{function}" });

    [Fact]
    public void Each_state_entered_and_each_retry_is_a_transition_and_each_attempt_an_invocation_billed_by_the_whole_millisecond()
    {
        var usage = ExecutionUsage.Of([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Task", "Persist", 1),
            Scheduled(3, 2, "Persist", 1),
            Event(4, 3, "LambdaFunctionStarted", 1),
            Event(5, 4, "LambdaFunctionFailed", 3.2, "lambdaFunctionFailedEventDetails", new { error = "ConcurrencyConflict" }),
            Scheduled(6, 5, "Persist", 10),
            Event(7, 6, "LambdaFunctionStarted", 10),
            Event(8, 7, "LambdaFunctionSucceeded", 14.5),
            Exited(9, 8, "Task", "Persist", 15),
            Entered(10, 9, "Choice", "IsDecided", 15),
            Exited(11, 10, "Choice", "IsDecided", 15),
            Entered(12, 11, "Succeed", "Accepted", 16),
            Event(13, 12, "ExecutionSucceeded", 250),
        ]);

        // Persist, IsDecided and Accepted entered, and Persist retried once.
        Assert.Equal(4, usage.StateTransitions);
        Assert.Equal(2, usage.Invocations["Persist"]);
        // 2.2 ms billed as 3, 4.5 ms as 5.
        Assert.Equal(8, usage.BilledMilliseconds["Persist"]);
        Assert.Equal(TimeSpan.FromMilliseconds(250), usage.Duration);
    }

    [Fact]
    public void The_states_inside_parallel_branches_are_transitions_of_their_own()
    {
        var usage = ExecutionUsage.Of([
            Event(1, 0, "ExecutionStarted", 0),
            Entered(2, 1, "Parallel", "Project", 0),
            Event(3, 2, "ParallelStateStarted", 0),
            Entered(4, 3, "Task", "ProjectAvailability", 0),
            Entered(5, 3, "Task", "ProjectArrivals", 0),
            Scheduled(6, 4, "ProjectAvailability", 0),
            Scheduled(7, 5, "ProjectArrivals", 0),
            Event(8, 6, "LambdaFunctionStarted", 0),
            Event(9, 7, "LambdaFunctionStarted", 0),
            Event(10, 9, "LambdaFunctionSucceeded", 7),
            Event(11, 8, "LambdaFunctionSucceeded", 2),
            Exited(12, 10, "Task", "ProjectArrivals", 7),
            Exited(13, 11, "Task", "ProjectAvailability", 2),
            Event(14, 13, "ParallelStateSucceeded", 8),
            Exited(15, 14, "Parallel", "Project", 8),
            Event(16, 15, "ExecutionSucceeded", 8),
        ]);

        Assert.Equal(3, usage.StateTransitions);
        Assert.Equal(7, usage.BilledMilliseconds["ProjectArrivals"]);
        Assert.Equal(2, usage.BilledMilliseconds["ProjectAvailability"]);
    }
}
