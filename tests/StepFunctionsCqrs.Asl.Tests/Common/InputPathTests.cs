using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class InputPathTests
{
    [Fact]
    public async Task InputPath_selects_the_part_of_the_input_the_state_works_on()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.inner", "End": true }"""), """{ "inner": { "a": 1 }, "other": 2 }""");
        Machines.Equal("""{ "a": 1 }""", result.Output);
    }

    [Fact]
    public async Task If_InputPath_is_null_the_effective_input_is_an_empty_object()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": null, "End": true }"""), """{ "a": 1 }""");
        Machines.Equal("{}", result.Output);
    }

    [Fact]
    public async Task An_InputPath_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.missing", "End": true }"""), "{}");
        Assert.Equal(ErrorNames.Runtime, result.Error);
        Assert.Contains("$.missing", result.Cause);
    }
}
