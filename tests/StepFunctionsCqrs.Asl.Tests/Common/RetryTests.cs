using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class RetryTests
{
    private const string Resource = "arn:aws:states:::work";

    private static (ScriptedTasks Tasks, List<DateTimeOffset> Times) FailingTimes(FakeTimeProvider time, int failures, string error = "Boom")
    {
        var times = new List<DateTimeOffset>();
        var calls = 0;
        var tasks = new ScriptedTasks().On(Resource, _ =>
        {
            times.Add(time.GetUtcNow());
            return ++calls <= failures ? throw new StatesException(error, "failed") : new JsonObject { ["ok"] = true };
        });
        return (tasks, times);
    }

    private static string Task(string retry) => Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "Retry": {{retry}}, "End": true }""");

    [Fact]
    public async Task By_default_a_retrier_waits_1_second_and_doubles_the_wait_for_up_to_3_retries()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var (tasks, times) = FailingTimes(time, failures: 10);
        var result = await Machines.Run(Task("""[ { "ErrorEquals": ["Boom"] } ]"""), "{}", tasks, time);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(4, times.Count);
        Assert.Equal([1.0, 2.0, 4.0], times.Zip(times.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds)));
    }

    [Fact]
    public async Task IntervalSeconds_and_BackoffRate_set_the_waits_and_MaxDelaySeconds_caps_them()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var (tasks, times) = FailingTimes(time, failures: 4);
        var result = await Machines.Run(Task("""[ { "ErrorEquals": ["Boom"], "IntervalSeconds": 3, "BackoffRate": 3, "MaxAttempts": 5, "MaxDelaySeconds": 20 } ]"""), "{}", tasks, time);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([3.0, 9.0, 20.0, 20.0], times.Zip(times.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds)));
    }

    [Fact]
    public async Task A_MaxAttempts_of_0_means_the_error_is_never_retried()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var (tasks, times) = FailingTimes(time, failures: 1);
        var result = await Machines.Run(Task("""[ { "ErrorEquals": ["Boom"], "MaxAttempts": 0 } ]"""), "{}", tasks, time);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Single(times);
    }

    [Fact]
    public async Task Retriers_are_scanned_in_order_and_only_the_first_matching_one_applies()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var (tasks, times) = FailingTimes(time, failures: 10);
        var result = await Machines.Run(Task("""
            [ { "ErrorEquals": ["Boom"], "MaxAttempts": 1 }, { "ErrorEquals": ["States.ALL"], "MaxAttempts": 5 } ]
            """), "{}", tasks, time);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(2, times.Count);
    }

    [Fact]
    public void Full_jitter_draws_the_wait_between_zero_and_the_computed_delay()
    {
        var retrier = new Retrier(new ErrorMatcher(["X"]), IntervalSeconds: 10, Jitter: JitterStrategy.Full);
        var random = new Random(11);
        var delays = Enumerable.Range(0, 50).Select(_ => retrier.DelayBefore(0, random).TotalSeconds).ToList();
        Assert.All(delays, d => Assert.InRange(d, 0, 10));
        Assert.True(delays.Distinct().Count() > 10);
    }

    [Fact]
    public void Each_retrier_counts_its_own_attempts()
    {
        var policy = new RetryPolicy([new Retrier(new ErrorMatcher(["A"]), MaxAttempts: 1), new Retrier(new ErrorMatcher(["B"]), MaxAttempts: 1)]);
        var attempts = new int[2];
        Assert.Equal(RetryOutcome.Retry, policy.Decide("A", attempts, new Random(1)).Outcome);
        Assert.Equal(RetryOutcome.Retry, policy.Decide("B", attempts, new Random(1)).Outcome);
        Assert.Equal(RetryOutcome.Exhausted, policy.Decide("A", attempts, new Random(1)).Outcome);
        Assert.Equal(RetryOutcome.NoMatch, policy.Decide("C", attempts, new Random(1)).Outcome);
    }

    [Fact]
    public async Task States_Runtime_errors_are_not_retried_even_by_States_ALL()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Task", "Resource": "arn:aws:states:::work", "InputPath": "$.missing", "Retry": [ { "ErrorEquals": ["States.ALL"] } ], "End": true }
            """), "{}", new ScriptedTasks().On(Resource, _ => null));
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }
}
