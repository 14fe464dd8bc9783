using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests;

public class ExecutionEngineTests
{
    private const string LongWait = """{ "StartAt": "W", "TimeoutSeconds": 10, "States": { "W": { "Type": "Wait", "Seconds": 60, "End": true } } }""";

    [Fact]
    public async Task An_execution_that_runs_longer_than_the_machine_TimeoutSeconds_times_out()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var result = await Machines.Run(LongWait, "{}", time: time);
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(ErrorNames.Timeout, result.Error);
        Assert.Equal(HistoryEventType.ExecutionTimedOut, result.History[^1].Type);
    }

    [Fact]
    public async Task Cancelling_a_running_execution_aborts_it()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(Machines.Single("""{ "Type": "Wait", "Seconds": 60, "End": true }""")), new ScriptedTasks(), time);
        using var cancel = new CancellationTokenSource();
        var execution = engine.StartAsync(new JsonObject(), cancellationToken: cancel.Token);
        cancel.Cancel();
        var result = await execution;
        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal(["WaitStateAborted", HistoryEventType.ExecutionAborted], result.History.TakeLast(2).Select(e => e.Type));
    }

    [Fact]
    public async Task Stop_ends_a_started_execution_as_aborted_with_the_given_error_and_cause()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(Machines.Single("""{ "Type": "Wait", "Seconds": 60, "End": true }""")), new ScriptedTasks(), time);
        var running = engine.Start(new JsonObject(), new ExecutionOptions("to-stop"));
        while (running.History.Count < 2) await Task.Delay(1);
        Assert.Equal(ExecutionStatus.Running, running.Status);

        running.Stop("Operator", "no longer needed");
        var result = await running.Completion;

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal(("Operator", "no longer needed"), (result.Error, result.Cause));
        var aborted = (FailureEventDetails)result.History[^1].Details!;
        Assert.Equal("Operator", aborted.Error);
    }

    [Fact]
    public async Task One_parsed_machine_runs_many_executions_independently()
    {
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(Machines.Single("""{ "Type": "Pass", "Result": 1, "ResultPath": "$.r", "End": true }""")), new ScriptedTasks());
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => engine.StartAsync(new JsonObject { ["i"] = i })));
        Assert.All(results.Select((r, i) => (r, i)), x => Machines.Equal($$"""{ "i": {{x.i}}, "r": 1 }""", x.r.Output));
    }

    [Fact]
    public async Task An_execution_input_larger_than_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "End": true }"""), new JsonObject { ["big"] = new string('x', 300 * 1024) });
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }
}
