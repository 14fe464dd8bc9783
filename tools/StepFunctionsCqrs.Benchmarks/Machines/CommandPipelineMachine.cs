using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Benchmarks.Machines;

/// <summary>The project's command pipeline (statemachines/command-pipeline.asl.json) on its accepted path, with no-op tasks.</summary>
public static class CommandPipelineMachine
{
    /// <summary>The machine's name in reports.</summary>
    public const string Name = "command-pipeline";

    private const string ArnPrefix = "arn:aws:lambda:us-east-1:123456789012:function:";

    /// <summary>Fills the definition's substitutions with function ARNs and wires a no-op function behind each.</summary>
    public static BenchMachine Create()
    {
        var functions = new[] { "Validate", "Persist", "RecordStatus", "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals" };
        var arns = functions.ToDictionary(f => f + "FunctionArn", f => ArnPrefix + f);
        var definition = DefinitionSubstitutions.Apply(File.ReadAllText(Path.Combine(BenchPaths.StateMachinesFolder, "command-pipeline.asl.json")), arns);

        // Validate and Persist answer with the fields their ResultSelectors and the Choice states read; the rest answer {}.
        var results = functions.ToDictionary(f => ArnPrefix + f, Func<JsonNode?> (_) => () => new JsonObject());
        results[ArnPrefix + "Validate"] = () => new JsonObject { ["accepted"] = true, ["rejection"] = null };
        results[ArnPrefix + "Persist"] = () => new JsonObject
        {
            ["accepted"] = true,
            ["rejection"] = null,
            ["commit"] = new JsonObject { ["aggregateId"] = "room-type-1", ["version"] = 7, ["events"] = new JsonArray("V1.RoomBooked") },
        };

        var input = JsonNode.Parse("""
            {
              "command": { "commandId": "cmd-1", "type": "BookRoom", "guestId": "guest-1", "roomTypeId": "room-type-1", "nights": 2 },
              "sqs": { "messageId": "msg-1", "receiptHandle": "rh-1" }
            }
            """)!;
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), new NoOpTaskInvoker(results));
        return new BenchMachine(Name, engine, input, Verify);
    }

    private static void Verify(ExecutionResult result)
    {
        var output = result.Output;
        BenchMachine.Expect(output?["validation"]?["accepted"]?.GetValue<bool>() == true, Name, "validation.accepted true", result);
        BenchMachine.Expect(output?["persisted"]?["accepted"]?.GetValue<bool>() == true, Name, "persisted.accepted true", result);
        BenchMachine.Expect(output?["persisted"]?["commit"]?["version"]?.GetValue<int>() == 7, Name, "persisted.commit.version 7", result);
        BenchMachine.Expect(output?["command"]?["commandId"]?.GetValue<string>() == "cmd-1", Name, "command.commandId \"cmd-1\"", result);
        BenchMachine.Expect(output?["error"] is null, Name, "no error field (the accepted path, not RecordFailed)", result);
        // Parallel branches interleave, so the path is compared as a set of entered states.
        var entered = result.History.Select(e => e.Details).OfType<StateEnteredEventDetails>().Select(d => d.Name).ToList();
        string[] path = ["Validate", "IsValid", "Persist", "IsDecided", "Project", "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals", "RecordAccepted", "Accepted"];
        BenchMachine.Expect(entered.Order().SequenceEqual(path.Order()), Name, $"the accepted path {string.Join(" > ", path)} (entered: {string.Join(", ", entered)})", result);
    }
}
