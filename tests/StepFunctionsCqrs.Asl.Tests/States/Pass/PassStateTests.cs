using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Pass;

public class PassStateTests
{
    [Fact]
    public async Task A_Pass_state_by_default_passes_its_input_to_its_output()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "End": true }"""), """{"a":1}""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{"a":1}""", result.Output);
    }

    [Fact]
    public async Task Result_is_treated_as_the_output_of_a_virtual_task_and_placed_by_ResultPath()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Pass", "Result": { "x-datum": 0.381018, "y-datum": 622.2269926397355 }, "ResultPath": "$.coords", "End": true }
            """), """{ "georefOf": "Home" }""");
        Machines.Equal("""{ "georefOf": "Home", "coords": { "x-datum": 0.381018, "y-datum": 622.2269926397355 } }""", result.Output);
    }

    [Fact]
    public async Task Without_Result_the_effective_input_after_Parameters_is_the_result()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Pass", "Parameters": { "greeting.$": "$.name", "fixed": [1, 2] }, "ResultPath": "$.out", "End": true }
            """), """{ "name": "Ada" }""");
        Machines.Equal("""{ "name": "Ada", "out": { "greeting": "Ada", "fixed": [1, 2] } }""", result.Output);
    }

    [Fact]
    public async Task Result_takes_precedence_over_the_effective_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "a": 1 }, "Result": "fixed", "End": true }"""));
        Machines.Equal("\"fixed\"", result.Output);
    }

    [Fact]
    public async Task States_run_in_order_following_Next()
    {
        var result = await Machines.Run("""
            { "StartAt": "One", "States": {
                "One": { "Type": "Pass", "Result": 1, "ResultPath": "$.one", "Next": "Two" },
                "Two": { "Type": "Pass", "Result": 2, "ResultPath": "$.two", "End": true } } }
            """);
        Machines.Equal("""{ "one": 1, "two": 2 }""", result.Output);
    }
}
