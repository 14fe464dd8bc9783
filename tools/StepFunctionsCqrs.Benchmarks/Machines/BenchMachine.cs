using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;

namespace StepFunctionsCqrs.Benchmarks.Machines;

/// <summary>A state machine ready to run many times with one input, and a check that a run produced what it should.</summary>
public sealed class BenchMachine(string name, ExecutionEngine engine, JsonNode input, Action<ExecutionResult> verify)
{
    private static readonly ExecutionOptions Options = new("benchmark");

    /// <summary>The machine's name in reports.</summary>
    public string Name { get; } = name;

    /// <summary>Runs one execution. The input node is shared by every run: the engine never modifies its input.</summary>
    public Task<ExecutionResult> RunAsync() => engine.StartAsync(input, Options);

    /// <summary>
    /// Runs the machine twice and throws unless both runs produced the expected output and the shared input is
    /// unchanged, so a broken machine can never be timed as a fast one.
    /// </summary>
    public void Verify()
    {
        var before = input.ToJsonString();
        for (var run = 0; run < 2; run++)
        {
            var result = RunAsync().GetAwaiter().GetResult();
            if (result.Status != ExecutionStatus.Succeeded)
            {
                throw new InvalidOperationException($"{Name}: execution ended {result.Status} ({result.Error}: {result.Cause}).");
            }
            verify(result);
        }
        if (input.ToJsonString() != before)
        {
            throw new InvalidOperationException($"{Name}: an execution modified the shared input: {before} became {input.ToJsonString()}.");
        }
    }

    /// <summary>Throws naming the machine and the actual output when <paramref name="holds"/> is false.</summary>
    public static void Expect(bool holds, string machine, string expectation, ExecutionResult result)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"{machine}: expected {expectation}, but the output was {result.OutputJson}.");
        }
    }
}
