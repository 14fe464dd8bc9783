using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Execution;

/// <summary>ExecutionOptions.DelayScale: Wait states and retry back-off run faster or at once; timestamps stay the clock's.</summary>
public sealed class DelayScaleTests
{
    private const string WaitHundredSeconds = """
        { "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": 100, "End": true } } }
        """;

    [Fact]
    public async Task A_scale_of_zero_ends_a_Wait_without_the_clock_moving()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(WaitHundredSeconds), new ScriptedTasks(), time, new Random(1));

        var result = await engine.StartAsync(JsonNode.Parse("{}"), new ExecutionOptions { DelayScale = 0 }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(Machines.Epoch, result.StopDate);
    }

    [Fact]
    public async Task A_scale_of_a_tenth_waits_a_tenth_and_the_history_keeps_the_clocks_times()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(WaitHundredSeconds), new ScriptedTasks(), time, new Random(1));
        var execution = engine.StartAsync(JsonNode.Parse("{}"), new ExecutionOptions { DelayScale = 0.1 });

        await Task.Delay(50);
        time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(50);
        Assert.False(execution.IsCompleted, "The wait ended before a tenth of its 100 s had passed.");
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await execution.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Machines.Epoch.AddSeconds(10), result.StopDate);
        Assert.Equal(Machines.Epoch.AddSeconds(10), result.History.Single(e => e.Type == "WaitStateExited").Timestamp);
    }

    [Fact]
    public async Task A_scale_of_zero_retries_at_once_with_the_same_attempts()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var calls = 0;
        var tasks = new ScriptedTasks().On("arn:aws:lambda:us-east-1:123456789012:function:flaky", _ =>
            ++calls < 3 ? throw new StatesException("Flaky", "not yet") : JsonValue.Create("done"));
        var definition = """
            { "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:flaky",
                "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 30, "MaxAttempts": 5, "BackoffRate": 2 } ], "End": true } } }
            """;
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), tasks, time, new Random(1));

        var result = await engine.StartAsync(JsonNode.Parse("{}"), new ExecutionOptions { DelayScale = 0 }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, calls);
        Assert.Equal(Machines.Epoch, result.StopDate);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_scale_outside_zero_to_one_is_refused(double scale)
    {
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(WaitHundredSeconds), new ScriptedTasks());

        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Start(JsonNode.Parse("{}"), new ExecutionOptions { DelayScale = scale }));
    }
}
