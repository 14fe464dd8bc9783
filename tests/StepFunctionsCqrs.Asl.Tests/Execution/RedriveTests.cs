using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Execution;

/// <summary>ExecutionOptions.Redrive: an unsuccessful execution continues from its unsuccessful step with the same input.</summary>
public sealed class RedriveTests
{
    private const string First = "arn:aws:lambda:us-east-1:000000000000:function:first";
    private const string Second = "arn:aws:lambda:us-east-1:000000000000:function:second";

    private const string Definition = $$"""
        { "StartAt": "One", "States": {
            "One": { "Type": "Task", "Resource": "{{First}}", "ResultPath": "$.one", "Assign": { "fromOne.$": "$.n" }, "Next": "Two" },
            "Two": { "Type": "Task", "Resource": "{{Second}}",
                     "Parameters": { "seen.$": "$.one", "variable.$": "$fromOne", "count.$": "$$.Execution.RedriveCount", "original.$": "$$.Execution.Input" },
                     "End": true } } }
        """;

    private static (ExecutionEngine Engine, ScriptedTasks Tasks) Engine(Func<int> secondFails)
    {
        var tasks = new ScriptedTasks()
            .On(First, _ => new JsonObject { ["n"] = 7 })
            .On(Second, input => secondFails() > 0 ? throw new StatesException("Boom", "not yet") : input?.DeepClone());
        return (new ExecutionEngine(StateMachineDefinition.Parse(Definition), tasks), tasks);
    }

    private static ExecutionRedrive RedriveOf(ExecutionResult failed, int count) =>
        new(failed.RedrivePoint!, count, DateTimeOffset.UtcNow, failed.Input, failed.StartDate, failed.History.Count);

    [Fact]
    public async Task A_redrive_continues_the_failed_execution_from_the_unsuccessful_step_and_uses_the_same_input()
    {
        var failures = 1;
        var (engine, tasks) = Engine(() => failures--);
        var failed = await engine.StartAsync(JsonNode.Parse("""{"n":1}"""), new ExecutionOptions("run"));
        Assert.Equal(ExecutionStatus.Failed, failed.Status);
        Assert.Equal("Two", failed.RedrivePoint!.StateName);

        var redriven = await engine.Start(null, new ExecutionOptions("run") { Redrive = RedriveOf(failed, 1) }).Completion;

        Assert.Equal(ExecutionStatus.Succeeded, redriven.Status);
        Assert.Equal(1, tasks.CallsTo(First));
        Assert.Equal(2, tasks.CallsTo(Second));
        Assert.Equal("""{"seen":{"n":7},"variable":7,"count":1,"original":{"n":1}}""", redriven.OutputJson);
        Assert.Null(redriven.RedrivePoint);
    }

    [Fact]
    public async Task The_history_goes_on_after_the_earlier_events_with_ExecutionRedriven_and_the_redrive_count()
    {
        var failures = 2;
        var (engine, _) = Engine(() => failures--);
        var failed = await engine.StartAsync(JsonNode.Parse("""{"n":1}"""), new ExecutionOptions("run"));
        var again = await engine.Start(null, new ExecutionOptions("run") { Redrive = RedriveOf(failed, 1) }).Completion;
        Assert.Equal(ExecutionStatus.Failed, again.Status);

        var third = await engine.Start(null, new ExecutionOptions("run") { Redrive = RedriveOf(failed, 2) with { PriorEventCount = failed.History.Count + again.History.Count } }).Completion;

        var redriven = third.History[0];
        Assert.Equal(HistoryEventType.ExecutionRedriven, redriven.Type);
        Assert.Equal(failed.History.Count + again.History.Count + 1, redriven.Id);
        Assert.Equal(redriven.Id - 1, redriven.PreviousEventId);
        Assert.Equal(2, ((ExecutionRedrivenEventDetails)redriven.Details!).RedriveCount);
        Assert.Equal("TaskStateEntered", third.History[1].Type);
        Assert.Equal("Two", ((StateEnteredEventDetails)third.History[1].Details!).Name);
        Assert.Equal(Enumerable.Range((int)redriven.Id, third.History.Count).Select(i => (long)i), third.History.Select(e => e.Id));
        Assert.Equal(ExecutionStatus.Succeeded, third.Status);
    }

    [Fact]
    public async Task A_succeeded_execution_has_nothing_to_redrive_from()
    {
        var (engine, _) = Engine(() => 0);

        var result = await engine.StartAsync(JsonNode.Parse("""{"n":1}"""));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.RedrivePoint);
    }

    [Fact]
    public async Task A_failure_inside_a_Parallel_branch_is_redriven_from_the_Parallel_state()
    {
        const string Parallel = $$"""
            { "StartAt": "Fan", "States": { "Fan": { "Type": "Parallel", "End": true, "Branches": [
                { "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "{{First}}", "End": true } } },
                { "StartAt": "B", "States": { "B": { "Type": "Task", "Resource": "{{Second}}", "End": true } } } ] } } }
            """;
        var failures = 1;
        var tasks = new ScriptedTasks().On(First, _ => new JsonObject { ["a"] = 1 })
            .On(Second, _ => failures-- > 0 ? throw new StatesException("Boom", "once") : new JsonObject { ["b"] = 2 });
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(Parallel), tasks);
        var failed = await engine.StartAsync(JsonNode.Parse("""{"in":true}"""));

        Assert.Equal("Fan", failed.RedrivePoint!.StateName);
        Assert.Equal("""{"in":true}""", failed.RedrivePoint.Input!.ToJsonString());
        var redriven = await engine.Start(null, new ExecutionOptions { Redrive = RedriveOf(failed, 1) }).Completion;
        Assert.Equal("""[{"a":1},{"b":2}]""", redriven.OutputJson);
    }

    [Fact]
    public async Task A_redrive_point_survives_its_JSON_form_with_input_and_variables()
    {
        var point = new RedrivePoint("Two", JsonNode.Parse("""{"n":[1,2]}"""), new JsonObject { ["v"] = "x" });

        var read = RedrivePoint.FromJson(point.ToJson());

        Assert.Equal("Two", read.StateName);
        Assert.Equal("""{"n":[1,2]}""", read.Input!.ToJsonString());
        Assert.Equal("""{"v":"x"}""", read.Variables.ToJsonString());
    }
}
