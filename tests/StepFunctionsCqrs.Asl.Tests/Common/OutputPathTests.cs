using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class OutputPathTests
{
    [Fact]
    public async Task If_OutputPath_is_null_the_state_output_is_an_empty_object()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "OutputPath": null, "End": true }"""), """{ "a": 1 }""");
        Machines.Equal("{}", result.Output);
    }

    [Fact]
    public async Task OutputPath_selects_the_part_of_the_state_output_passed_on()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": { "x": [1, 2] }, "ResultPath": "$.r", "OutputPath": "$.r.x", "End": true }"""), "{}");
        Machines.Equal("[1, 2]", result.Output);
    }

    [Fact]
    public async Task An_OutputPath_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "OutputPath": "$.missing", "End": true }"""), "{}");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }
}
