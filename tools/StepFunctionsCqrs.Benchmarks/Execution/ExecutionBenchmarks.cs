using BenchmarkDotNet.Attributes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Benchmarks.Machines;

namespace StepFunctionsCqrs.Benchmarks.Execution;

/// <summary>Whole executions through the engine: parse once, then start-to-end runs with no-op tasks.</summary>
[MemoryDiagnoser]
public class ExecutionBenchmarks
{
    private BenchMachine _passTaskChoice = null!;
    private BenchMachine _commandPipeline = null!;

    /// <summary>Builds both machines and checks their output, so a broken machine fails before anything is timed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _passTaskChoice = PassTaskChoiceMachine.Create();
        _passTaskChoice.Verify();
        _commandPipeline = CommandPipelineMachine.Create();
        _commandPipeline.Verify();
    }

    /// <summary>The shared five-state machine, the one the Node baseline also runs.</summary>
    [Benchmark(Description = PassTaskChoiceMachine.Name)]
    public Task<ExecutionResult> PassTaskChoice() => _passTaskChoice.RunAsync();

    /// <summary>The command pipeline on its accepted path: two Choices, a three-branch Parallel and five tasks.</summary>
    [Benchmark(Description = CommandPipelineMachine.Name)]
    public Task<ExecutionResult> CommandPipeline() => _commandPipeline.RunAsync();
}
