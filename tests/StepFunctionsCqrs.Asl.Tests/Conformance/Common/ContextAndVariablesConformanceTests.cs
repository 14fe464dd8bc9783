using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.Common;

/// <summary>The context object and workflow variables (Assign) in JSONPath mode.</summary>
public class ContextAndVariablesConformanceTests
{
    [Fact]
    public async Task Execution_Input_in_the_context_object_is_the_original_execution_input()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Result": { "changed": true }, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "original.$": "$$.Execution.Input" }, "End": true } } }
            """, """{ "start": 1 }""");
        Machines.Equal("""{ "original": { "start": 1 } }""", result.Output);
    }

    [Fact]
    public async Task State_Name_in_the_context_object_is_the_current_state()
    {
        var result = await Machines.Run("""
            { "StartAt": "First", "States": {
                "First": { "Type": "Pass", "Parameters": { "n.$": "$$.State.Name" }, "ResultPath": "$.first", "Next": "Second" },
                "Second": { "Type": "Pass", "Parameters": { "n.$": "$$.State.Name", "prev.$": "$.first.n" }, "End": true } } }
            """);
        Machines.Equal("""{ "n": "Second", "prev": "First" }""", result.Output);
    }

    [Fact]
    public async Task Map_Item_context_is_available_only_in_ItemSelector_and_the_processor_sees_the_plain_item()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemSelector": { "i.$": "$$.Map.Item.Index" },
              "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "Parameters": { "i.$": "$.i", "state.$": "$$.State.Name" }, "End": true } } }, "End": true }
            """), """["x", "y"]""");
        Machines.Equal("""[{ "i": 0, "state": "I" }, { "i": 1, "state": "I" }]""", result.Output);
    }

    [Fact]
    public async Task A_variable_assigned_in_one_state_is_readable_in_later_states()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "count": 3, "name.$": "$.n" }, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "count.$": "$count", "name.$": "$name" }, "End": true } } }
            """, """{ "n": "z" }""");
        Machines.Equal("""{ "count": 3, "name": "z" }""", result.Output);
    }

    [Fact]
    public async Task Assign_expressions_all_see_the_variable_values_from_before_the_state()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "x": 1 }, "Next": "B" },
                "B": { "Type": "Pass", "Assign": { "x": 2, "old.$": "$x" }, "Next": "C" },
                "C": { "Type": "Pass", "Parameters": { "x.$": "$x", "old.$": "$old" }, "End": true } } }
            """);
        Machines.Equal("""{ "x": 2, "old": 1 }""", result.Output);
    }

    [Fact]
    public async Task A_Task_Assign_reads_the_result_after_ResultSelector()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::work", _ => Machines.Json("""{ "Payload": { "id": 5 } }"""));
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "ResultSelector": { "id.$": "$.Payload.id" }, "Assign": { "id.$": "$.id" }, "ResultPath": null, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "id.$": "$id" }, "End": true } } }
            """, "{}", tasks);
        Machines.Equal("""{ "id": 5 }""", result.Output);
    }

    [Fact]
    public async Task A_catcher_Assign_reads_the_error_output()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::work", (Func<JsonNode?, JsonNode?>)(_ => throw new Asl.Common.StatesException("Boom", "c")));
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": [ { "ErrorEquals": ["States.ALL"], "Assign": { "err.$": "$.Error" }, "Next": "B" } ], "End": true },
                "B": { "Type": "Pass", "Parameters": { "err.$": "$err" }, "End": true } } }
            """, "{}", tasks);
        Machines.Equal("""{ "err": "Boom" }""", result.Output);
    }

    [Fact]
    public async Task States_inside_a_Parallel_branch_can_read_outer_variables()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "outer": "o" }, "Next": "P" },
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "Parameters": { "v.$": "$outer" }, "End": true } } } ], "End": true } } }
            """);
        Machines.Equal("""[{ "v": "o" }]""", result.Output);
    }

    [Fact]
    public async Task Variables_can_be_used_in_intrinsic_arguments()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "xs": [1, 2, 3] }, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "n.$": "States.ArrayLength($xs)" }, "End": true } } }
            """);
        Machines.Equal("""{ "n": 3 }""", result.Output);
    }

    [Fact]
    public async Task A_variable_path_can_select_inside_the_variable()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "order": { "lines": [ { "sku": "a" }, { "sku": "b" } ] } }, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "sku.$": "$order.lines[1].sku" }, "End": true } } }
            """);
        Machines.Equal("""{ "sku": "b" }""", result.Output);
    }

    [Fact]
    public async Task A_matching_Choice_rule_Assign_reads_the_Choice_input()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.v", "IsPresent": true, "Assign": { "seen.$": "$.v" }, "Next": "D" } ], "Default": "D" },
                "D": { "Type": "Pass", "Parameters": { "seen.$": "$seen" }, "End": true } } }
            """, """{ "v": 7 }""");
        Machines.Equal("""{ "seen": 7 }""", result.Output);
    }

    [Fact]
    public async Task The_Choice_state_Assign_applies_when_the_Default_is_taken()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.v", "NumericEquals": 1, "Assign": { "way": "rule" }, "Next": "D" } ], "Default": "D", "Assign": { "way": "default" } },
                "D": { "Type": "Pass", "Parameters": { "way.$": "$way" }, "End": true } } }
            """, """{ "v": 2 }""");
        Machines.Equal("""{ "way": "default" }""", result.Output);
    }

    [Fact]
    public async Task A_Map_Assign_reads_the_array_of_iteration_results()
    {
        var result = await Machines.Run("""
            { "StartAt": "M", "States": {
                "M": { "Type": "Map", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "Assign": { "first.$": "$[0]" }, "ResultPath": null, "Next": "D" },
                "D": { "Type": "Pass", "Parameters": { "first.$": "$first" }, "End": true } } }
            """, "[5, 6]");
        Machines.Equal("""{ "first": 5 }""", result.Output);
    }

    [Fact]
    public async Task Inline_Map_iterations_can_read_outer_variables()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "k": 10 }, "Next": "M" },
                "M": { "Type": "Map", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "Parameters": { "sum.$": "States.MathAdd($, $k)" }, "End": true } } }, "End": true } } }
            """, "[1, 2]");
        Machines.Equal("""[{ "sum": 11 }, { "sum": 12 }]""", result.Output);
    }
}
