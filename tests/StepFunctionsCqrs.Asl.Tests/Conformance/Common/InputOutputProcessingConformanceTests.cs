using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.Common;

/// <summary>Input and output processing as the language defines it: InputPath, Parameters, ResultSelector, ResultPath, OutputPath.</summary>
public class InputOutputProcessingConformanceTests
{
    private const string Work = "arn:aws:states:::work";

    private static ScriptedTasks Echo() => new ScriptedTasks().On(Work, input => new JsonObject { ["got"] = input?.DeepClone() });

    [Fact]
    public async Task InputPath_selects_the_part_of_the_raw_input_the_state_works_on()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.a", "End": true }"""), """{ "a": { "b": 1 }, "c": 2 }""");
        Machines.Equal("""{ "b": 1 }""", result.Output);
    }

    [Fact]
    public async Task An_InputPath_of_null_gives_the_state_an_empty_object()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": null, "End": true }"""), """{ "a": 1 }""");
        Machines.Equal("{}", result.Output);
    }

    [Fact]
    public async Task An_OutputPath_of_null_sends_an_empty_object_to_the_next_state()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "OutputPath": null, "End": true }"""), """{ "a": 1 }""");
        Machines.Equal("{}", result.Output);
    }

    [Fact]
    public async Task An_InputPath_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.missing", "End": true }"""), """{ "a": 1 }""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task An_OutputPath_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "OutputPath": "$.missing", "End": true }"""), """{ "a": 1 }""");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Parameters_keys_ending_in_dollar_dot_take_their_value_from_a_path_and_lose_the_suffix()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "x.$": "$.a", "fixed": "v", "nested": { "y.$": "$.b[1]" } }, "End": true }"""), """{ "a": 1, "b": [10, 20] }""");
        Machines.Equal("""{ "x": 1, "fixed": "v", "nested": { "y": 20 } }""", result.Output);
    }

    [Fact]
    public async Task Parameters_paths_are_evaluated_against_the_input_after_InputPath()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.inner", "Parameters": { "v.$": "$.v" }, "End": true }"""), """{ "inner": { "v": 5 }, "v": 1 }""");
        Machines.Equal("""{ "v": 5 }""", result.Output);
    }

    [Fact]
    public async Task A_Parameters_path_that_matches_nothing_fails_with_States_Runtime_even_with_a_States_ALL_catcher()
    {
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Parameters": { "x.$": "$.missing" },
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Succeed" } } }
            """, """{ "a": 1 }""", Echo());
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_Parameters_path_with_a_filter_that_matches_nothing_yields_an_empty_array()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "x.$": "$.items[?(@.n > 5)]" }, "End": true }"""), """{ "items": [ { "n": 1 } ] }""");
        Machines.Equal("""{ "x": [] }""", result.Output);
    }

    [Fact]
    public async Task Parameters_can_read_the_context_object_with_a_double_dollar_path()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "name.$": "$$.State.Name" }, "End": true }"""));
        Machines.Equal("""{ "name": "S" }""", result.Output);
    }

    [Fact]
    public async Task ResultSelector_builds_the_result_from_the_task_result_before_ResultPath()
    {
        var tasks = new ScriptedTasks().On(Work, _ => Machines.Json("""{ "Payload": { "id": 7 }, "StatusCode": 200 }"""));
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "ResultSelector": { "id.$": "$.Payload.id" }, "ResultPath": "$.r", "End": true }"""), """{ "in": true }""", tasks);
        Machines.Equal("""{ "in": true, "r": { "id": 7 } }""", result.Output);
    }

    [Fact]
    public async Task A_ResultSelector_path_that_matches_nothing_fails_with_States_Runtime()
    {
        var tasks = new ScriptedTasks().On(Work, _ => new JsonObject());
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "ResultSelector": { "id.$": "$.nothing" }, "End": true }"""), "{}", tasks);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task ResultPath_dollar_replaces_the_input_with_the_result()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": { "r": 1 }, "ResultPath": "$", "End": true }"""), """{ "a": 1 }""");
        Machines.Equal("""{ "r": 1 }""", result.Output);
    }

    [Fact]
    public async Task ResultPath_null_discards_the_result_and_keeps_the_raw_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": { "r": 1 }, "ResultPath": null, "End": true }"""), """{ "a": 1 }""");
        Machines.Equal("""{ "a": 1 }""", result.Output);
    }

    [Fact]
    public async Task ResultPath_creates_missing_intermediate_objects()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": 1, "ResultPath": "$.a.b.c", "End": true }"""), """{ "x": 0 }""");
        Machines.Equal("""{ "x": 0, "a": { "b": { "c": 1 } } }""", result.Output);
    }

    [Fact]
    public async Task ResultPath_overwrites_an_existing_field()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": "new", "ResultPath": "$.a", "End": true }"""), """{ "a": "old", "b": 1 }""");
        Machines.Equal("""{ "a": "new", "b": 1 }""", result.Output);
    }

    [Fact]
    public async Task ResultPath_is_applied_to_the_raw_input_not_the_InputPath_selection()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "InputPath": "$.a", "ResultPath": "$.copy", "End": true }"""), """{ "a": { "v": 1 }, "b": 2 }""");
        Machines.Equal("""{ "a": { "v": 1 }, "b": 2, "copy": { "v": 1 } }""", result.Output);
    }

    [Fact]
    public async Task ResultPath_into_a_string_input_fails_with_States_ResultPathMatchFailure()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": 1, "ResultPath": "$.a", "End": true }"""), "\"text\"");
        Assert.Equal(ErrorNames.ResultPathMatchFailure, result.Error);
    }

    [Fact]
    public async Task A_ResultPathMatchFailure_on_a_task_can_be_caught_by_States_ALL()
    {
        var tasks = new ScriptedTasks().On(Work, _ => JsonValue.Create(1));
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "ResultPath": "$.a.b",
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "Result": "caught", "End": true } } }
            """, """{ "a": "scalar" }""", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("caught", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task OutputPath_selects_from_the_state_output_after_ResultPath()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Result": { "keep": 1 }, "ResultPath": "$.r", "OutputPath": "$.r.keep", "End": true }"""), "{}");
        Assert.Equal(1, result.Output!.GetValue<int>());
    }

    [Fact]
    public async Task A_Pass_Result_replaces_the_Parameters_output()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "p": 1 }, "Result": { "r": 2 }, "End": true }"""), "{}");
        Machines.Equal("""{ "r": 2 }""", result.Output);
    }

    [Fact]
    public async Task A_task_result_larger_than_256_KiB_fails_with_States_DataLimitExceeded_which_States_ALL_does_not_catch()
    {
        var tasks = new ScriptedTasks().On(Work, _ => new JsonObject { ["big"] = new string('x', 300 * 1024) });
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Succeed" } } }
            """, "{}", tasks);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task Parameters_with_a_whole_input_path_copy_the_input()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "all.$": "$" }, "End": true }"""), """[1, 2]""");
        Machines.Equal("""{ "all": [1, 2] }""", result.Output);
    }

    [Fact]
    public async Task A_definite_path_to_a_null_value_selects_null()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "v.$": "$.n" }, "End": true }"""), """{ "n": null }""");
        Machines.Equal("""{ "v": null }""", result.Output);
    }

    private static string BigInput(int kib) => new JsonObject { ["s"] = new string('x', kib * 1024) }.ToJsonString();

    [Fact]
    public async Task A_Parallel_output_larger_than_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [
                    { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } },
                    { "StartAt": "B", "States": { "B": { "Type": "Pass", "End": true } } } ],
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Succeed" } } }
            """, BigInput(150));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task A_ResultPath_that_doubles_the_input_past_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "ResultPath": "$.copy", "End": true }"""), BigInput(150));
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task A_Map_output_larger_than_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemsPath": "$.items", "ItemSelector": { "s.$": "$.s" }, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), new JsonObject { ["s"] = new string('x', 100 * 1024), ["items"] = new JsonArray(1, 2, 3) }.ToJsonString());
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task An_output_just_under_256_KiB_is_accepted()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "End": true }"""), BigInput(250));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Dollar_dot_fields_inside_arrays_of_a_payload_template_are_evaluated_however_deeply_nested()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "list": [ { "x.$": "$.a" }, [ { "y.$": "$.b" } ], "plain" ] }, "End": true }"""), """{ "a": 1, "b": 2 }""");
        Machines.Equal("""{ "list": [ { "x": 1 }, [ { "y": 2 } ], "plain" ] }""", result.Output);
    }

    [Fact]
    public async Task Parameters_can_read_variables_and_the_context_object_together()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "n": 2 }, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "n.$": "$n", "state.$": "$$.State.Name", "in.$": "$.v" }, "End": true } } }
            """, """{ "v": "x" }""");
        Machines.Equal("""{ "n": 2, "state": "B", "in": "x" }""", result.Output);
    }

    [Fact]
    public async Task Map_ItemsPath_can_select_from_the_context_object()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "InputPath": "$.other", "ItemsPath": "$$.Execution.Input.items", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), """{ "items": [1, 2], "other": {} }""");
        Machines.Equal("[1, 2]", result.Output);
    }
}
