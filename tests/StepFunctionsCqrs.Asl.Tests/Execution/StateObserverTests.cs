using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Execution;

/// <summary>ExecutionOptions.Observer: every path-processing step as the engine takes it, and errors before Retry and Catch.</summary>
public sealed class StateObserverTests
{
    private sealed class Recorder : IStateObserver
    {
        public List<(string State, StateStep Step, string? Value)> Steps { get; } = [];

        public List<(string State, string Error)> Errors { get; } = [];

        public void OnStep(string stateName, StateStep step, JsonNode? value) => Steps.Add((stateName, step, value?.ToJsonString()));

        public void OnError(string stateName, string error, string? cause) => Errors.Add((stateName, error));
    }

    [Fact]
    public async Task A_Task_reports_each_step_of_its_input_and_output_processing_in_order()
    {
        const string Definition = """
            { "StartAt": "T", "States": { "T": {
                "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:f",
                "InputPath": "$.in", "Parameters": { "x.$": "$.v" }, "ResultSelector": { "y.$": "$.r" },
                "ResultPath": "$.out", "Assign": { "seen.$": "$.y" }, "OutputPath": "$.out", "End": true } } }
            """;
        var tasks = new ScriptedTasks().On("arn:aws:lambda:us-east-1:000000000000:function:f", input => new JsonObject { ["r"] = input!["x"]!.GetValue<int>() * 2 });
        var recorder = new Recorder();

        var result = await new ExecutionEngine(StateMachineDefinition.Parse(Definition), tasks)
            .StartAsync(JsonNode.Parse("""{"in":{"v":21}}"""), new ExecutionOptions { Observer = recorder, Variables = new JsonObject { ["before"] = 1 } });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(
            [
                ("T", StateStep.AfterInputPath, """{"v":21}"""),
                ("T", StateStep.AfterParameters, """{"x":21}"""),
                ("T", StateStep.Result, """{"r":42}"""),
                ("T", StateStep.AfterResultSelector, """{"y":42}"""),
                ("T", StateStep.AfterResultPath, """{"in":{"v":21},"out":{"y":42}}"""),
                ("T", StateStep.Variables, """{"before":1,"seen":42}"""),
            ],
            recorder.Steps);
    }

    [Fact]
    public async Task An_error_is_reported_once_per_attempt_before_Retry_decides()
    {
        const string Definition = """
            { "StartAt": "T", "States": { "T": {
                "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:f",
                "Retry": [ { "ErrorEquals": ["Boom"], "MaxAttempts": 1, "IntervalSeconds": 1 } ], "End": true } } }
            """;
        var tasks = new ScriptedTasks().On("arn:aws:lambda:us-east-1:000000000000:function:f", _ => throw new StatesException("Boom", "again"));
        var recorder = new Recorder();

        var result = await new ExecutionEngine(StateMachineDefinition.Parse(Definition), tasks)
            .StartAsync(JsonNode.Parse("{}"), new ExecutionOptions { Observer = recorder, DelayScale = 0 });

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal([("T", "Boom"), ("T", "Boom")], recorder.Errors);
    }
}
