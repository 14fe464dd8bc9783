using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Invokers;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>
/// The command pipeline's own Persist state, taken from the definition and run alone by the ASL engine on the real
/// clock: calls retried on ConcurrencyConflict or a transient error get exactly the workflow's attempts, intervals,
/// backoff and jitter, not a policy written for the tests.
/// </summary>
public static class WorkflowPersistState
{
    private const string PersistArn = "arn:aws:lambda:us-east-1:000000000000:function:Persist";

    private static readonly Lazy<StateMachineDefinition> Machine = new(() =>
    {
        var states = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("statemachines", "command-pipeline.asl.json")))!["States"]!;
        var persist = states["Persist"]!.DeepClone().AsObject();
        persist["Resource"] = PersistArn;
        // Alone, the state ends where the workflow would go on; what it would catch, the test sees as a failure.
        persist.Remove("Next");
        persist.Remove("Catch");
        persist["End"] = true;
        return StateMachineDefinition.Parse(new JsonObject { ["StartAt"] = "Persist", ["States"] = new JsonObject { ["Persist"] = persist } }.ToJsonString());
    });

    /// <summary>
    /// Runs the state on <paramref name="persist"/> with the message's facts Dispatch would add (<paramref name="sqs"/>, a
    /// plain message by default); returns Persist's result and how many attempts lost a race.
    /// </summary>
    public static async Task<(JsonElement Persisted, int Conflicts)> RunAsync(Func<Stream, Task<Stream>> persist, JsonObject envelope, JsonObject? sqs = null)
    {
        var engine = new ExecutionEngine(Machine.Value, new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>> { [PersistArn] = persist }));
        var input = new JsonObject
        {
            ["command"] = envelope.DeepClone(),
            ["sqs"] = sqs?.DeepClone() ?? new JsonObject { ["messageId"] = $"m-{envelope["commandId"]}", ["senderId"] = "test", ["sentTimestamp"] = 0, ["receiveCount"] = 1 },
        };
        var result = await engine.StartAsync(input, new ExecutionOptions(Name: (string)envelope["commandId"]!));
        if (result.Status != ExecutionStatus.Succeeded)
        {
            throw new InvalidOperationException($"The Persist state ended {result.Status}: {result.Error}: {result.Cause}");
        }

        var conflicts = result.History.Count(e => e.Type == HistoryEventType.LambdaFunctionFailed && ((FailureEventDetails)e.Details!).Error == "ConcurrencyConflict");
        return (JsonSerializer.Deserialize<JsonElement>(result.Output!["persisted"]!.ToJsonString()), conflicts);
    }
}
