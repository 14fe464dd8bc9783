using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class PayloadTemplateTests
{
    [Fact]
    public async Task A_field_whose_name_ends_in_dot_dollar_is_replaced_by_the_value_its_path_selects_and_loses_the_suffix()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Pass", "Parameters": { "flagged": true, "parts": { "first.$": "$.vals[0]", "last3.$": "$.vals[-3:]" }, "weekday.$": "$$.Execution.Name" }, "End": true }
            """), """{ "vals": [0, 10, 20, 30, 40, 50] }""", options: new ExecutionOptions(Name: "monday"));
        Machines.Equal("""{ "flagged": true, "parts": { "first": 0, "last3": [30, 40, 50] }, "weekday": "monday" }""", result.Output);
    }

    [Fact]
    public async Task Intrinsic_functions_are_evaluated_in_dot_dollar_fields()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Pass", "Parameters": { "greeting.$": "States.Format('Hello, {}!', $.name)", "pair.$": "States.Array($.name, 2)" }, "End": true }
            """), """{ "name": "Ada" }""");
        Machines.Equal("""{ "greeting": "Hello, Ada!", "pair": ["Ada", 2] }""", result.Output);
    }

    [Fact]
    public async Task A_failing_intrinsic_raises_States_IntrinsicFailure()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Pass", "Parameters": { "n.$": "States.StringToJson($.text)" }, "End": true }
            """), """{ "text": "{not json" }""");
        Assert.Equal(ErrorNames.IntrinsicFailure, result.Error);
    }

    [Fact]
    public async Task A_Parameters_path_that_matches_nothing_fails_with_States_Runtime_naming_the_path_and_field()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "x.$": "$.missing" }, "End": true }"""), """{"other":1}""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
        Assert.Equal("The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{\"other\":1}'", result.Cause);
    }

    [Fact]
    public async Task A_missing_Parameters_path_is_not_caught_by_States_ALL()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::x", _ => null);
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::x", "Parameters": { "x.$": "$.missing" },
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Handled" } ], "End": true },
                "Handled": { "Type": "Pass", "End": true } } }
            """, "{}", tasks);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task ResultSelector_builds_the_result_from_the_raw_task_result()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::x", _ => Machines.Json("""{ "Payload": { "id": 7 }, "StatusCode": 200 }"""));
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Task", "Resource": "arn:aws:states:::x", "ResultSelector": { "id.$": "$.Payload.id", "source": "lambda" }, "ResultPath": "$.out", "End": true }
            """), """{ "in": 1 }""", tasks);
        Machines.Equal("""{ "in": 1, "out": { "id": 7, "source": "lambda" } }""", result.Output);
    }

    [Fact]
    public async Task Selected_values_are_copies_so_later_states_never_alias_earlier_data()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Parameters": { "copy.$": "$.obj", "obj.$": "$.obj" }, "Next": "B" },
                "B": { "Type": "Pass", "Result": 5, "ResultPath": "$.copy.changed", "End": true } } }
            """, """{ "obj": { "v": 1 } }""");
        Machines.Equal("""{ "copy": { "v": 1, "changed": 5 }, "obj": { "v": 1 } }""", result.Output);
    }
}
