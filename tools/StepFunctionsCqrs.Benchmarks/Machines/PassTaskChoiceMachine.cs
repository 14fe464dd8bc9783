using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;

namespace StepFunctionsCqrs.Benchmarks.Machines;

/// <summary>The shared five-state Pass/Task/Choice/Pass/Succeed machine, with the same no-op task the Node baseline uses.</summary>
public static class PassTaskChoiceMachine
{
    /// <summary>The machine's name in reports; the Node baseline reports the same name.</summary>
    public const string Name = "pass-task-choice";

    private const string WorkResource = "arn:aws:lambda:us-east-1:123456789012:function:noop";

    /// <summary>Parses the shared definition and input and wires the no-op task.</summary>
    public static BenchMachine Create()
    {
        var definition = File.ReadAllText(Path.Combine(BenchPaths.MachinesFolder, "pass-task-choice.asl.json"));
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(BenchPaths.MachinesFolder, "pass-task-choice.input.json")))!;
        var invoker = new NoOpTaskInvoker(new Dictionary<string, Func<JsonNode?>>
        {
            [WorkResource] = () => new JsonObject { ["ok"] = true },
        });
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), invoker);
        return new BenchMachine(Name, engine, input, Verify);
    }

    // The same checks bench.mjs makes, plus the Parameters fields, so both engines are held to one answer.
    private static void Verify(ExecutionResult result)
    {
        var output = result.Output;
        BenchMachine.Expect(output?["orderId"]?.GetValue<string>() == "order-1", Name, "orderId \"order-1\"", result);
        BenchMachine.Expect(output?["quantity"]?.GetValue<int>() == 12, Name, "quantity 12", result);
        BenchMachine.Expect(output?["source"]?.GetValue<string>() == "benchmark", Name, "source \"benchmark\"", result);
        BenchMachine.Expect(output?["work"]?["ok"]?.GetValue<bool>() == true, Name, "work.ok true", result);
        BenchMachine.Expect(output?["bulk"]?.GetValue<bool>() == true, Name, "bulk true (quantity > 10 takes the Bulk branch)", result);
    }
}
