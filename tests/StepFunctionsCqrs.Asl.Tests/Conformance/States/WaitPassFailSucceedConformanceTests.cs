using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.States;

/// <summary>Wait, Pass, Fail and Succeed as the language defines them.</summary>
public class WaitPassFailSucceedConformanceTests
{
    private static async Task<(ExecutionResult Result, TimeSpan Elapsed)> Timed(string definition, string input)
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(definition, input, time: time);
        return (result, result.StopDate - result.StartDate);
    }

    [Fact]
    public async Task Wait_Seconds_delays_by_that_many_seconds_and_passes_the_input_on()
    {
        var (result, elapsed) = await Timed(Machines.Single("""{ "Type": "Wait", "Seconds": 10, "End": true }"""), """{ "a": 1 }""");
        Assert.InRange(elapsed.TotalSeconds, 10, 10.5);
        Machines.Equal("""{ "a": 1 }""", result.Output);
    }

    [Fact]
    public async Task Wait_with_a_Timestamp_in_the_past_continues_at_once()
    {
        var (result, elapsed) = await Timed(Machines.Single("""{ "Type": "Wait", "Timestamp": "2020-01-01T00:00:00Z", "End": true }"""), "{}");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.Zero, elapsed);
    }

    [Fact]
    public async Task Wait_Timestamp_is_considered_to_the_second_and_milliseconds_are_truncated()
    {
        var (_, elapsed) = await Timed(Machines.Single("""{ "Type": "Wait", "Timestamp": "2024-01-01T00:00:10.900Z", "End": true }"""), "{}");
        Assert.InRange(elapsed.TotalSeconds, 10, 10.5);
    }

    [Fact]
    public async Task Wait_TimestampPath_waits_until_the_selected_time()
    {
        var (_, elapsed) = await Timed(Machines.Single("""{ "Type": "Wait", "TimestampPath": "$.until", "End": true }"""), """{ "until": "2024-01-01T00:00:30Z" }""");
        Assert.InRange(elapsed.TotalSeconds, 30, 30.5);
    }

    [Fact]
    public async Task Wait_SecondsPath_that_is_not_a_number_fails_with_States_Runtime()
    {
        var (result, _) = await Timed(Machines.Single("""{ "Type": "Wait", "SecondsPath": "$.s", "End": true }"""), """{ "s": "ten" }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Wait_TimestampPath_that_is_not_a_timestamp_fails_with_States_Runtime()
    {
        var (result, _) = await Timed(Machines.Single("""{ "Type": "Wait", "TimestampPath": "$.t", "End": true }"""), """{ "t": "tomorrow" }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_Pass_state_without_Result_passes_its_input_to_its_output()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "End": true }"""), """{ "a": [1, { "b": null }] }""");
        Machines.Equal("""{ "a": [1, { "b": null }] }""", result.Output);
    }

    [Fact]
    public async Task A_Fail_state_ends_the_execution_with_its_Error_and_Cause()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "Error": "E", "Cause": "C" }"""));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("E", result.Error);
        Assert.Equal("C", result.Cause);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task A_Fail_state_may_omit_Error_and_Cause()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail" }"""));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Null(result.Error);
        Assert.Null(result.Cause);
    }

    [Fact]
    public async Task Fail_ErrorPath_and_CausePath_take_the_strings_from_the_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$.e", "CausePath": "$.c" }"""), """{ "e": "Dyn.Error", "c": "dynamic" }""");
        Assert.Equal("Dyn.Error", result.Error);
        Assert.Equal("dynamic", result.Cause);
    }

    [Fact]
    public async Task Fail_CausePath_may_be_an_intrinsic_function()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "Error": "E", "CausePath": "States.Format('item {} failed', $.id)" }"""), """{ "id": 4 }""");
        Assert.Equal("item 4 failed", result.Cause);
    }

    [Fact]
    public async Task Fail_ErrorPath_to_a_non_string_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$.e" }"""), """{ "e": 42 }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_Succeed_state_applies_InputPath_and_OutputPath()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b" }"""), """{ "a": { "b": 3 } }""");
        Assert.Equal(3, result.Output!.GetValue<int>());
    }

    [Fact]
    public async Task An_execution_that_runs_past_the_machine_TimeoutSeconds_times_out_with_States_Timeout()
    {
        var result = await Machines.Run("""{ "StartAt": "W", "TimeoutSeconds": 5, "States": { "W": { "Type": "Wait", "Seconds": 60, "End": true } } }""");
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(ErrorNames.Timeout, result.Error);
    }
}
