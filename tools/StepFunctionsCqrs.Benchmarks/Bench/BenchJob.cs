using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace StepFunctionsCqrs.Benchmarks.Bench;

/// <summary>The short job the `bench` verb uses, sized so the whole run stays within a few minutes on two busy cores.</summary>
public static class BenchJob
{
    /// <summary>
    /// In-process: the default toolchain generates and builds a separate project per run, which on a small shared
    /// machine costs more than all the measuring does; the measured code is the same Release build either way, and
    /// these benchmarks run for microseconds per call, far above the in-process harness overhead BenchmarkDotNet subtracts.
    /// One launch; 6 warmups because tiered JIT and dynamic PGO keep speeding the engine up for a few seconds, then 15
    /// iterations, enough for a stable mean on a loaded machine. The allocation figures do not
    /// depend on the iteration count at all.
    /// </summary>
    public static IConfig Config { get; } = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(15)
            .WithId("bench"))
        .AddDiagnoser(MemoryDiagnoser.Default);
}
