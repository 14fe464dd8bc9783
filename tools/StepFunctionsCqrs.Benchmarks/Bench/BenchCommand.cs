using System.Globalization;
using BenchmarkDotNet.Running;
using StepFunctionsCqrs.Benchmarks.Baseline;
using StepFunctionsCqrs.Benchmarks.Execution;
using StepFunctionsCqrs.Benchmarks.Machines;

namespace StepFunctionsCqrs.Benchmarks.Bench;

/// <summary>
/// The `bench` verb: checks both machines, measures both on our engine with BenchmarkDotNet and the shared one on the
/// Node baseline, and prints one summary comparing them against the 10x goal.
/// </summary>
public static class BenchCommand
{
    /// <summary>How many times faster than the baseline the engine must run the shared machine.</summary>
    public const double Goal = 10;

    private const int NodeExecutions = 20_000;
    private const int NodeWarmup = 2_000;

    /// <summary>Runs everything and returns the process exit code: 0 when all ran, whether or not the goal was met.</summary>
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Fail on a wrong answer before spending minutes measuring; the benchmark's own setup checks again in its process.
        PassTaskChoiceMachine.Create().Verify();
        CommandPipelineMachine.Create().Verify();
        Console.WriteLine("Both machines produce the expected output.");

        // The baseline runs alone, before and after our engine, so the two never compete for the cores. On a shared
        // machine the load drifts during a run; the faster of the two baseline runs is compared, so a load spike that
        // slows the baseline can never flatter the ratio.
        var before = await MeasureBaselineAsync("before", cancellationToken);
        var summary = BenchmarkRunner.Run<ExecutionBenchmarks>(BenchJob.Config);
        var after = await MeasureBaselineAsync("after", cancellationToken);
        var baseline = before.MicrosecondsPerExecution <= after.MicrosecondsPerExecution ? before : after;

        var ours = new List<Measurement>();
        foreach (var report in summary.Reports)
        {
            var machine = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
            if (report.ResultStatistics is not { } statistics)
            {
                throw new InvalidOperationException($"BenchmarkDotNet produced no result for {machine}; see its log above.");
            }
            ours.Add(new Measurement(machine, "StepFunctionsCqrs.Asl (.NET " + Environment.Version + ")",
                statistics.Mean / 1000, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)));
        }
        if (ours.Count != 2) throw new InvalidOperationException($"Expected 2 BenchmarkDotNet results, got {ours.Count}; see its log above.");

        SummaryTable.Print(ours, baseline, Goal, Console.Out);
        return 0;
    }

    private static async Task<Measurement> MeasureBaselineAsync(string when, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Measuring the Node baseline {when} our engine ({NodeExecutions} executions after {NodeWarmup} warmup)...");
        var measurement = await NodeBaseline.MeasureAsync(NodeExecutions, NodeWarmup, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Node baseline {when}: {measurement.MicrosecondsPerExecution:N2} µs/exec ({measurement.ExecutionsPerSecond:N0} executions/s)."));
        return measurement;
    }
}
