using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Wait;

public class WaitStateTests
{
    private static async Task<(ExecutionResult Result, TimeSpan Waited)> Run(string wait, string input = "{}")
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(Machines.Single(wait), input, time: time);
        return (result, result.StopDate - result.StartDate);
    }

    [Fact]
    public async Task Seconds_delays_the_state_by_that_many_seconds()
    {
        var (result, waited) = await Run("""{ "Type": "Wait", "Seconds": 10, "End": true }""", """{ "a": 1 }""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.InRange(waited.TotalSeconds, 10, 10.5);
        Machines.Equal("""{ "a": 1 }""", result.Output);
    }

    [Fact]
    public async Task Timestamp_waits_until_that_absolute_time()
    {
        var (_, waited) = await Run("""{ "Type": "Wait", "Timestamp": "2024-01-01T00:01:00Z", "End": true }""");
        Assert.InRange(waited.TotalSeconds, 60, 60.5);
    }

    [Fact]
    public async Task A_Timestamp_in_the_past_does_not_wait()
    {
        var (_, waited) = await Run("""{ "Type": "Wait", "Timestamp": "2000-01-01T00:00:00Z", "End": true }""");
        Assert.Equal(TimeSpan.Zero, waited);
    }

    [Fact]
    public async Task SecondsPath_takes_the_delay_from_the_input()
    {
        var (_, waited) = await Run("""{ "Type": "Wait", "SecondsPath": "$.delay", "End": true }""", """{ "delay": 5 }""");
        Assert.InRange(waited.TotalSeconds, 5, 5.5);
    }

    [Fact]
    public async Task TimestampPath_takes_the_time_from_the_input()
    {
        var (_, waited) = await Run("""{ "Type": "Wait", "TimestampPath": "$.until", "End": true }""", """{ "until": "2024-01-01T00:00:30Z" }""");
        Assert.InRange(waited.TotalSeconds, 30, 30.5);
    }

    [Fact]
    public async Task A_SecondsPath_that_selects_a_non_integer_fails_with_States_Runtime()
    {
        var (result, _) = await Run("""{ "Type": "Wait", "SecondsPath": "$.delay", "End": true }""", """{ "delay": "soon" }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_TimestampPath_that_selects_something_other_than_a_timestamp_fails_with_States_Runtime()
    {
        var (result, _) = await Run("""{ "Type": "Wait", "TimestampPath": "$.until", "End": true }""", """{ "until": "tomorrow" }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }
}
