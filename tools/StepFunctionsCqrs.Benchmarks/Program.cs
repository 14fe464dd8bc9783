using BenchmarkDotNet.Running;
using StepFunctionsCqrs.Benchmarks.Bench;

// `bench`: both machines on our engine plus the Node baseline, with one summary table.
// Anything else goes to BenchmarkDotNet's switcher, e.g. `dotnet run -c Release -- --filter '*JsonPath*'`.
if (args is ["bench", ..])
{
    return await BenchCommand.RunAsync(CancellationToken.None);
}

// `console`: the local console's list and execution page at 10,000 executions and 1,000 events, server and browser.
if (args is ["console", ..])
{
    return await StepFunctionsCqrs.Benchmarks.WebConsole.ConsoleBench.RunAsync(CancellationToken.None);
}
// `persist`: cold and warm Persist decisions on commit logs seeded with 10 to 100,000 commits.
if (args is ["persist", .. var sizes])
{
    return await StepFunctionsCqrs.Benchmarks.Persist.PersistBench.RunAsync(sizes, CancellationToken.None);
}

// `tracing`: pipeline throughput with tracing off, with the local collector, and with the OTLP exporter, as ratios.
if (args is ["tracing", .. var tracingArgs])
{
    return await StepFunctionsCqrs.Benchmarks.Tracing.TracingBench.RunAsync(tracingArgs, CancellationToken.None);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchCommand).Assembly).Run(args);
return 0;
