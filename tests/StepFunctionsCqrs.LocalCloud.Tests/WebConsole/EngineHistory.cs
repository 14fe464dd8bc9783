using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.LocalCloud.StepFunctions;
using WireEvent = StepFunctionsCqrs.Functions.StepFunctions.Model.HistoryEvent;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>Runs definitions on the real engine under a fake clock and returns the history the console reads: the server's JSON, deserialized by the client's context.</summary>
public static class EngineHistory
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs one execution to its end.</summary>
    public static async Task<(ExecutionResult Result, IReadOnlyList<WireEvent> History)> RunAsync(string definition, string input, ITaskInvoker invoker)
    {
        var time = new FakeTimeProvider(Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), invoker, time, new Random(3));
        var execution = engine.StartAsync(JsonNode.Parse(input), new ExecutionOptions("analysis"));

        // The invokers answer at once, so the engine waits only on retry back-offs and Wait states: advance the clock until it ends.
        for (var step = 0; step < 100_000 && !execution.IsCompleted; step++)
        {
            await Task.Yield();
            if (!execution.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
            }
        }

        var result = await execution.WaitAsync(TimeSpan.FromSeconds(30));
        return (result, ToWire(result.History));
    }

    /// <summary>Starts an execution and returns its history as soon as <paramref name="until"/> holds for it, the execution still running.</summary>
    public static async Task<(RunningExecution Handle, IReadOnlyList<WireEvent> History)> SnapshotAsync(string definition, string input, ITaskInvoker invoker, Func<IReadOnlyList<WireEvent>, bool> until)
    {
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), invoker, new FakeTimeProvider(Epoch), new Random(3));
        var handle = engine.Start(JsonNode.Parse(input), new ExecutionOptions("analysis-running"));
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var history = ToWire(handle.History);
            if (until(history))
            {
                return (handle, history);
            }

            await Task.Delay(10);
        }

        handle.Stop();
        throw new TimeoutException("The execution never reached the awaited point.");
    }

    /// <summary>The events as GetExecutionHistory sends them and the client reads them.</summary>
    public static IReadOnlyList<WireEvent> ToWire(IEnumerable<StepFunctionsCqrs.Asl.History.HistoryEvent> events)
    {
        var page = $$"""{"events":{{ExecutionRunner.HistoryToJson(events)}}}""";
        return JsonSerializer.Deserialize(page, StepFunctionsJsonContext.Default.GetExecutionHistoryResult)!.Events;
    }
}
