using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Map;

public class MapStateTests
{
    private const string Double = """{ "StartAt": "D", "States": { "D": { "Type": "Task", "Resource": "arn:aws:states:::double", "End": true } } }""";

    private static ScriptedTasks Doubler() => new ScriptedTasks().On("arn:aws:states:::double", input =>
        input is JsonValue v ? v.GetValue<int>() < 0 ? throw new StatesException("Negative", $"{v} is negative") : JsonValue.Create(v.GetValue<int>() * 2) : input?.DeepClone());

    [Fact]
    public async Task The_processor_runs_once_per_item_of_the_array_at_ItemsPath_and_the_output_keeps_item_order()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {{Double}}, "End": true }"""), """{ "items": [1, 2, 3] }""", Doubler());
        Machines.Equal("[2, 4, 6]", result.Output);
    }

    [Fact]
    public async Task The_legacy_Iterator_field_works_like_ItemProcessor()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "Iterator": {{Double}}, "End": true }"""), "[5]", Doubler());
        Machines.Equal("[10]", result.Output);
    }

    [Fact]
    public async Task ItemSelector_builds_each_iteration_input_with_the_Map_Item_Index_and_Value_from_the_context_object()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "ItemsPath": "$.items", "ItemSelector": { "index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value", "tag.$": "$.tag" },
              "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } }, "End": true }
            """), """{ "items": ["a", "b"], "tag": "t" }""");
        Machines.Equal("""[ { "index": 0, "value": "a", "tag": "t" }, { "index": 1, "value": "b", "tag": "t" } ]""", result.Output);
    }

    [Fact]
    public async Task The_legacy_Parameters_field_works_like_ItemSelector()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Map", "Parameters": { "v.$": "$$.Map.Item.Value" }, "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } }, "End": true }
            """), "[1]");
        Machines.Equal("""[ { "v": 1 } ]""", result.Output);
    }

    [Fact]
    public async Task An_ItemsPath_that_does_not_select_an_array_fails_with_States_Runtime()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {{Double}}, "End": true }"""), """{ "items": 3 }""", Doubler());
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_failing_iteration_fails_an_inline_Map_with_the_iteration_error()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "ItemProcessor": {{Double}}, "End": true }"""), "[1, -1, 2]", Doubler());
        Assert.Equal("Negative", result.Error);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.MapIterationFailed);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.MapStateFailed);
    }

    [Fact]
    public async Task MaxConcurrency_limits_how_many_iterations_run_at_once()
    {
        var running = 0;
        var peak = 0;
        var tasks = new ScriptedTasks().OnCall("arn:aws:states:::double", async invocation =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            await Task.Delay(5);
            Interlocked.Decrement(ref running);
            return invocation.Input?.DeepClone();
        });
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "MaxConcurrency": 2, "ItemProcessor": {{Double}}, "End": true }"""), "[1, 2, 3, 4, 5, 6]", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.InRange(peak, 1, 2);
        Machines.Equal("[1, 2, 3, 4, 5, 6]", result.Output);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public async Task History_records_map_start_with_its_length_and_each_iteration()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "ItemProcessor": {{Double}}, "End": true }"""), "[1, 2]", Doubler());
        var started = result.History.Single(e => e.Type == HistoryEventType.MapStateStarted);
        Assert.Equal(2, ((MapStateStartedEventDetails)started.Details!).Length);
        Assert.Equal([0, 1], result.History.Where(e => e.Type == HistoryEventType.MapIterationSucceeded).Select(e => ((MapIterationEventDetails)e.Details!).Index).Order());
    }

    private static string Distributed(string extra) => $$"""
        { "Type": "Map", {{extra}}
          "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" },
                             "StartAt": "D", "States": { "D": { "Type": "Task", "Resource": "arn:aws:states:::double", "End": true } } }, "End": true }
        """;

    [Fact]
    public async Task A_distributed_Map_tolerates_failures_up_to_ToleratedFailureCount()
    {
        var result = await Machines.Run(Machines.Single(Distributed("\"ToleratedFailureCount\": 1,")), "[1, -1, 3]", Doubler());
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(2, result.Output![0]!.GetValue<int>());
        Assert.Equal("Negative", result.Output[1]!["Error"]!.GetValue<string>());
        Assert.Equal(6, result.Output[2]!.GetValue<int>());
    }

    [Fact]
    public async Task A_distributed_Map_fails_with_States_ExceedToleratedFailureThreshold_when_more_items_fail()
    {
        var result = await Machines.Run(Machines.Single(Distributed("\"ToleratedFailureCount\": 1,")), "[-1, -2, 3]", Doubler());
        Assert.Equal(ErrorNames.ExceedToleratedFailureThreshold, result.Error);
    }

    [Fact]
    public async Task ToleratedFailurePercentage_is_compared_with_the_share_of_failed_items()
    {
        var tolerated = await Machines.Run(Machines.Single(Distributed("\"ToleratedFailurePercentage\": 50,")), "[-1, 2, 3, 4]", Doubler());
        Assert.Equal(ExecutionStatus.Succeeded, tolerated.Status);
        var exceeded = await Machines.Run(Machines.Single(Distributed("\"ToleratedFailurePercentage\": 20,")), "[-1, 2, 3, 4]", Doubler());
        Assert.Equal(ErrorNames.ExceedToleratedFailureThreshold, exceeded.Error);
    }

    [Fact]
    public async Task Without_a_tolerance_any_failed_item_fails_a_distributed_Map()
    {
        var result = await Machines.Run(Machines.Single(Distributed("")), "[1, -1]", Doubler());
        Assert.Equal(ErrorNames.ExceedToleratedFailureThreshold, result.Error);
    }

    [Fact]
    public async Task ItemBatcher_groups_items_into_Items_arrays_with_the_BatchInput()
    {
        var result = await Machines.Run(Machines.Single(Distributed("""
            "ItemsPath": "$.items", "ItemBatcher": { "MaxItemsPerBatch": 2, "BatchInput": { "run.$": "$.run" } },
            """)), """{ "items": [1, 2, 3], "run": "r1" }""", Doubler());
        Machines.Equal("""[ { "Items": [1, 2], "BatchInput": { "run": "r1" } }, { "Items": [3], "BatchInput": { "run": "r1" } } ]""", result.Output);
    }

    [Fact]
    public async Task A_distributed_Map_records_MapRun_events()
    {
        var result = await Machines.Run(Machines.Single(Distributed("")), "[1]", Doubler());
        Assert.Contains(result.History, e => e.Type == HistoryEventType.MapRunStarted);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.MapRunSucceeded);
    }

    [Fact]
    public async Task An_empty_array_produces_an_empty_output_array()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "ItemProcessor": {{Double}}, "End": true }"""), "[]", Doubler());
        Machines.Equal("[]", result.Output);
    }

    [Fact]
    public async Task An_iteration_error_can_be_caught_by_the_Map_state()
    {
        var result = await Machines.Run($$"""
            { "StartAt": "M", "States": {
                "M": { "Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {{Double}}, "Catch": [ { "ErrorEquals": ["Negative"], "ResultPath": "$.error", "Next": "Handled" } ], "ResultPath": "$.doubled", "End": true },
                "Handled": { "Type": "Pass", "End": true } } }
            """, Machines.Json("""{ "items": [1, -1] }"""), Doubler());
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{ "items": [1, -1], "error": { "Error": "Negative", "Cause": "-1 is negative" } }""", result.Output);
    }

    [Fact]
    public async Task A_failed_Map_state_is_retried_as_a_whole()
    {
        var failures = 0;
        var tasks = new ScriptedTasks().On("arn:aws:states:::double", input => ++failures == 1 ? throw new StatesException("Flaky", "first run") : input?.DeepClone());
        var result = await Machines.Run(Machines.Single($$"""
            { "Type": "Map", "ItemProcessor": {{Double}}, "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 1 } ], "End": true }
            """), "[1, 2]", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("[1, 2]", result.Output);
    }

    [Fact]
    public async Task Iteration_events_point_back_to_the_map_start_event()
    {
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Map", "ItemProcessor": {{Double}}, "End": true }"""), "[1, 2]", Doubler());
        var started = result.History.Single(e => e.Type == HistoryEventType.MapStateStarted);
        Assert.All(result.History.Where(e => e.Type == HistoryEventType.MapIterationStarted), e => Assert.Equal(started.Id, e.PreviousEventId));
    }
}
