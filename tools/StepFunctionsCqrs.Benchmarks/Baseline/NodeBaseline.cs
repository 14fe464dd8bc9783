using System.Diagnostics;
using System.Text.Json;
using StepFunctionsCqrs.Benchmarks.Bench;
using StepFunctionsCqrs.Benchmarks.Machines;

namespace StepFunctionsCqrs.Benchmarks.Baseline;

/// <summary>Runs node/bench.mjs (aws-local-stepfunctions) as a child process and reads the JSON line it prints.</summary>
public static class NodeBaseline
{
    /// <summary>Installs the locked packages when node_modules is missing, then measures the shared machine.</summary>
    public static async Task<Measurement> MeasureAsync(int executions, int warmup, CancellationToken cancellationToken)
    {
        var folder = BenchPaths.NodeFolder;
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            Console.WriteLine($"Installing the Node baseline's packages (npm ci in {folder})...");
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, cancellationToken);
        }
        var stdout = await RunAsync("node", ["bench.mjs", executions.ToString(), warmup.ToString()], folder, cancellationToken);
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"node bench.mjs printed no JSON object; its output was: {stdout}");
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var engine = $"{root.GetProperty("engine").GetString()} {root.GetProperty("engineVersion").GetString()} ({root.GetProperty("runtime").GetString()})";
        return new Measurement(root.GetProperty("machine").GetString()!, engine, root.GetProperty("microsecondsPerExecution").GetDouble(), null);
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{program}' for the Node baseline; is Node.js installed and on PATH? ({e.Message})", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{program} {string.Join(' ', arguments)}' in {folder} exited with code {process.ExitCode}: {(await stderr).Trim()}");
            }
            return await stdout;
        }
    }
}
