using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class ResultPathTests
{
    private static ScriptedTasks Echo() => new ScriptedTasks().On("arn:aws:states:::echo", input => input?.DeepClone());

    [Fact]
    public async Task If_ResultPath_is_null_the_state_output_is_its_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::echo", "Parameters": { "x": 1 }, "ResultPath": null, "End": true }"""), """{ "keep": true }""", Echo());
        Machines.Equal("""{ "keep": true }""", result.Output);
    }

    [Fact]
    public async Task By_default_ResultPath_is_dollar_and_the_result_replaces_the_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::echo", "Parameters": { "x": 1 }, "End": true }"""), """{ "keep": true }""", Echo());
        Machines.Equal("""{ "x": 1 }""", result.Output);
    }

    [Fact]
    public async Task ResultPath_combines_the_result_with_the_raw_input_not_the_InputPath_selection()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::echo", "InputPath": "$.a", "ResultPath": "$.b.c", "End": true }"""), """{ "a": { "v": 1 } }""", Echo());
        Machines.Equal("""{ "a": { "v": 1 }, "b": { "c": { "v": 1 } } }""", result.Output);
    }

    [Fact]
    public async Task Data_flows_InputPath_then_Parameters_then_task_then_ResultSelector_then_ResultPath_then_OutputPath()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::work", input => Machines.Json($$"""{ "sum": {{input!["x"]!.GetValue<int>() + 1}}, "noise": true }"""));
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Task", "Resource": "arn:aws:states:::work",
              "InputPath": "$.in", "Parameters": { "x.$": "$.value" },
              "ResultSelector": { "total.$": "$.sum" }, "ResultPath": "$.in.result", "OutputPath": "$.in", "End": true }
            """), """{ "in": { "value": 41 }, "dropped": 1 }""", tasks);
        Machines.Equal("""{ "value": 41, "result": { "total": 42 } }""", result.Output);
        Machines.Equal("""{ "x": 41 }""", Assert.Single(tasks.Calls).Input);
    }

    [Fact]
    public async Task A_ResultPath_that_cannot_be_applied_to_the_input_raises_States_ResultPathMatchFailure()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": 1, "ResultPath": "$.a.b", "End": true }"""), """{ "a": "text" }""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.ResultPathMatchFailure, result.Error);
    }

    [Fact]
    public async Task The_state_input_is_never_modified_by_ResultPath()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Result": 1, "ResultPath": "$.added", "Next": "B" },
                "B": { "Type": "Pass", "Result": 2, "ResultPath": "$.added", "End": true } } }
            """, """{ "x": 0 }""");
        var entered = result.History.Where(e => e.Type == "PassStateEntered").Select(e => ((StepFunctionsCqrs.Asl.History.StateEnteredEventDetails)e.Details!).Input.Text).ToList();
        Assert.Equal("""{"x":0}""", entered[0]);
        Assert.Equal("""{"x":0,"added":1}""", entered[1]);
        Machines.Equal("""{"x":0}""", result.Input);
    }
}
