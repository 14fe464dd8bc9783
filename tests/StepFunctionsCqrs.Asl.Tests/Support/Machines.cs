using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace StepFunctionsCqrs.Asl.Tests.Support;

/// <summary>Runs definitions on a fake clock that is moved forward until the execution ends.</summary>
public static class Machines
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Task<ExecutionResult> Run(string definition, string input = "{}", ScriptedTasks? tasks = null, FakeTimeProvider? time = null, Random? random = null, ExecutionOptions? options = null) =>
        Run(definition, JsonNode.Parse(input), tasks, time, random, options);

    public static async Task<ExecutionResult> Run(string definition, JsonNode? input, ScriptedTasks? tasks = null, FakeTimeProvider? time = null, Random? random = null, ExecutionOptions? options = null)
    {
        time ??= new FakeTimeProvider(Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), tasks ?? new ScriptedTasks(), time, random ?? new Random(7));
        var execution = engine.StartAsync(input, options);
        await Settle(execution, time);
        return await execution;
    }

    /// <summary>Advances the fake clock a step at a time until the task completes.</summary>
    public static async Task Settle(Task execution, FakeTimeProvider time, TimeSpan? step = null, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !execution.IsCompleted; i++)
        {
            // Give continuations scheduled by the last step a chance to register their next timer.
            await Task.WhenAny(execution, Task.Delay(2));
            if (execution.IsCompleted) break;
            time.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }
    }

    public static JsonNode? Json(string text) => JsonNode.Parse(text);

    public static void Equal(string expectedJson, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual), $"Expected {expectedJson} but was {actual?.ToJsonString() ?? "null"}");

    /// <summary>Wraps one state as a whole machine.</summary>
    public static string Single(string stateJson) => $$"""{ "StartAt": "S", "States": { "S": {{stateJson}} } }""";
}
