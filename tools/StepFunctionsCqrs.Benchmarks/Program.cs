using BenchmarkDotNet.Running;
using StepFunctionsCqrs.Benchmarks.Bench;

// `bench`: both machines on our engine plus the Node baseline, with one summary table.
// Anything else goes to BenchmarkDotNet's switcher, e.g. `dotnet run -c Release -- --filter '*JsonPath*'`.
if (args is ["bench", ..])
{
    return await BenchCommand.RunAsync(CancellationToken.None);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
