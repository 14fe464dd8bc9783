using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Succeed;

public class SucceedStateTests
{
    [Fact]
    public async Task A_Succeed_state_ends_the_execution_successfully_with_its_input_as_output()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Succeed" }"""), """{ "a": 1 }""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{ "a": 1 }""", result.Output);
    }

    [Fact]
    public async Task A_Succeed_state_applies_InputPath_and_OutputPath()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b" }"""), """{ "a": { "b": 2 } }""");
        Machines.Equal("2", result.Output);
    }

    [Fact]
    public async Task A_Succeed_state_inside_a_Parallel_branch_ends_only_that_branch()
    {
        var result = await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "S", "States": { "S": { "Type": "Succeed" } } } ], "Next": "After" },
                "After": { "Type": "Pass", "Result": "after", "End": true } } }
            """);
        Assert.Equal("after", result.Output!.GetValue<string>());
    }
}
