using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Fail;

public class FailStateTests
{
    [Fact]
    public async Task A_Fail_state_stops_the_execution_and_marks_it_as_a_failure_with_its_Error_and_Cause()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "Error": "ErrorA", "Cause": "Kaiju attack" }"""));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("ErrorA", result.Error);
        Assert.Equal("Kaiju attack", result.Cause);
        Assert.Equal(HistoryEventType.ExecutionFailed, result.History[^1].Type);
        Assert.DoesNotContain(result.History, e => e.Type == "FailStateExited");
    }

    [Fact]
    public async Task ErrorPath_and_CausePath_take_the_error_and_cause_from_the_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$.e.name", "CausePath": "$.e.why" }"""), """{ "e": { "name": "Oops", "why": "because" } }""");
        Assert.Equal("Oops", result.Error);
        Assert.Equal("because", result.Cause);
    }

    [Fact]
    public async Task CausePath_may_be_an_intrinsic_function()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "Error": "Bad", "CausePath": "States.Format('item {} failed', $.id)" }"""), """{ "id": 7 }""");
        Assert.Equal("item 7 failed", result.Cause);
    }

    [Fact]
    public async Task An_ErrorPath_that_is_not_a_string_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$.e" }"""), """{ "e": 5 }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Error_and_Cause_are_optional()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Fail" }"""));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Null(result.Error);
        Assert.Null(result.Cause);
    }
}
