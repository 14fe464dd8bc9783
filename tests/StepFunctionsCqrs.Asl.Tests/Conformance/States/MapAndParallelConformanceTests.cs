using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.States;

/// <summary>Map and Parallel: outputs, item selection, and how errors propagate out of branches and iterations.</summary>
public class MapAndParallelConformanceTests
{
    private const string Work = "arn:aws:states:::work";

    private static string InlineMap(string fields, string processor = """{ "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }""") =>
        Machines.Single($$"""{ "Type": "Map", {{fields}} "ItemProcessor": {{processor}}, "End": true }""");

    [Fact]
    public async Task Parallel_output_is_the_array_of_branch_outputs_in_branch_order()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Branches": [
                { "StartAt": "A", "States": { "A": { "Type": "Pass", "Result": "a", "End": true } } },
                { "StartAt": "B", "States": { "B": { "Type": "Pass", "InputPath": "$.v", "End": true } } } ], "End": true }
            """), """{ "v": 2 }""");
        Machines.Equal("""["a", 2]""", result.Output);
    }

    [Fact]
    public async Task Each_Parallel_branch_receives_the_effective_input_after_Parameters()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Parameters": { "x.$": "$.a" }, "Branches": [
                { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } } ], "ResultSelector": { "first.$": "$[0]" }, "ResultPath": "$.out", "End": true }
            """), """{ "a": 1 }""");
        Machines.Equal("""{ "a": 1, "out": { "first": { "x": 1 } } }""", result.Output);
    }

    [Fact]
    public async Task A_failing_Parallel_branch_fails_the_state_with_the_branch_error_not_States_BranchFailed()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Branches": [
                { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } },
                { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "Branch.Error", "Cause": "c" } } } ], "End": true }
            """));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Branch.Error", result.Error);
        Assert.Equal("c", result.Cause);
    }

    [Fact]
    public async Task A_Succeed_state_ends_only_its_own_branch()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Parallel", "Branches": [
                { "StartAt": "S1", "States": { "S1": { "Type": "Succeed" } } },
                { "StartAt": "P", "States": { "P": { "Type": "Pass", "Result": 2, "End": true } } } ], "End": true }
            """), """{ "in": 1 }""");
        Machines.Equal("""[{ "in": 1 }, 2]""", result.Output);
    }

    [Fact]
    public async Task Map_ItemsPath_selects_the_array_and_each_item_is_an_iteration_input()
    {
        var result = await Machines.Run(InlineMap("\"ItemsPath\": \"$.items\",", """{ "StartAt": "I", "States": { "I": { "Type": "Pass", "Parameters": { "doubled.$": "States.MathAdd($.n, $.n)" }, "End": true } } }"""),
            """{ "items": [ { "n": 1 }, { "n": 2 } ] }""");
        Machines.Equal("""[{ "doubled": 2 }, { "doubled": 4 }]""", result.Output);
    }

    [Fact]
    public async Task Map_ItemSelector_reads_the_state_input_and_the_Map_Item_context()
    {
        var result = await Machines.Run(InlineMap(""" "ItemsPath": "$.items", "ItemSelector": { "index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value", "shared.$": "$.shared" }, """),
            """{ "items": ["a", "b"], "shared": 9 }""");
        Machines.Equal("""[{ "index": 0, "value": "a", "shared": 9 }, { "index": 1, "value": "b", "shared": 9 }]""", result.Output);
    }

    [Fact]
    public async Task Map_ResultPath_and_ResultSelector_shape_the_output()
    {
        var result = await Machines.Run(InlineMap(""" "ItemsPath": "$.items", "ResultSelector": { "count.$": "States.ArrayLength($)" }, "ResultPath": "$.summary", """),
            """{ "items": [1, 2, 3] }""");
        Machines.Equal("""{ "items": [1, 2, 3], "summary": { "count": 3 } }""", result.Output);
    }

    [Fact]
    public async Task Map_over_an_empty_array_outputs_an_empty_array()
    {
        var result = await Machines.Run(InlineMap("\"ItemsPath\": \"$.items\","), """{ "items": [] }""");
        Machines.Equal("[]", result.Output);
    }

    [Fact]
    public async Task Map_ItemsPath_to_an_object_fails_with_States_Runtime()
    {
        var result = await Machines.Run(InlineMap("\"ItemsPath\": \"$.items\","), """{ "items": { "a": 1 } }""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Map_ItemsPath_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Machines.Run(InlineMap("\"ItemsPath\": \"$.missing\","), "{}");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Map_MaxConcurrency_zero_runs_every_item()
    {
        var result = await Machines.Run(InlineMap("\"MaxConcurrency\": 0,"), "[1, 2, 3, 4, 5]");
        Machines.Equal("[1, 2, 3, 4, 5]", result.Output);
    }

    [Fact]
    public async Task A_failing_iteration_fails_the_Map_with_that_iteration_error()
    {
        var tasks = new ScriptedTasks().On(Work, input => input!.GetValue<int>() == 2 ? throw new StatesException("Item.Bad", "two") : input.DeepClone());
        var result = await Machines.Run(InlineMap("", """{ "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "End": true } } }"""), "[1, 2, 3]", tasks);
        Assert.Equal("Item.Bad", result.Error);
        Assert.Equal("two", result.Cause);
    }

    [Fact]
    public async Task The_legacy_Iterator_and_Parameters_fields_still_work()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemsPath": "$.xs", "Parameters": { "x.$": "$$.Map.Item.Value" },
              "Iterator": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), """{ "xs": [7] }""");
        Machines.Equal("""[{ "x": 7 }]""", result.Output);
    }

    [Fact]
    public async Task A_distributed_Map_within_ToleratedFailureCount_succeeds()
    {
        var tasks = new ScriptedTasks().On(Work, input => input!.GetValue<int>() == 2 ? throw new StatesException("Item.Bad", "two") : input.DeepClone());
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ToleratedFailureCount": 1,
              "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "End": true } } }, "End": true }
            """), "[1, 2, 3]", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_distributed_Map_over_ToleratedFailurePercentage_fails_with_States_ExceedToleratedFailureThreshold()
    {
        var tasks = new ScriptedTasks().On(Work, input => input!.GetValue<int>() > 1 ? throw new StatesException("Item.Bad", "c") : input.DeepClone());
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ToleratedFailurePercentage": 50,
              "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "End": true } } }, "End": true }
            """), "[1, 2, 3]", tasks);
        Assert.Equal(ErrorNames.ExceedToleratedFailureThreshold, result.Error);
    }

    [Fact]
    public async Task ItemBatcher_gives_each_iteration_an_Items_array_and_the_BatchInput()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemBatcher": { "MaxItemsPerBatch": 2, "BatchInput": { "tag": "t" } },
              "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }
            """), "[1, 2, 3]");
        Machines.Equal("""[{ "BatchInput": { "tag": "t" }, "Items": [1, 2] }, { "BatchInput": { "tag": "t" }, "Items": [3] }]""", result.Output);
    }

    [Fact]
    public async Task Iterations_of_an_inline_Map_each_get_their_own_copy_of_the_item()
    {
        var result = await Machines.Run(InlineMap("", """{ "StartAt": "I", "States": { "I": { "Type": "Pass", "Result": 1, "ResultPath": "$.touched", "End": true } } }"""),
            """[{ "a": 1 }, { "a": 2 }]""");
        Machines.Equal("""[{ "a": 1, "touched": 1 }, { "a": 2, "touched": 1 }]""", result.Output);
    }
}
