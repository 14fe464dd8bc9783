using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is selectable, e.g. `dotnet run -c Release -- --filter '*JsonPath*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
