using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.LocalCloud.Bootstrap;

namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

/// <summary>The local cloud as its own process (<c>dotnet StepFunctionsCqrs.LocalCloud.dll ...</c>), so a test can kill it outright.</summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource dynaliteKnown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool disposed;

    private HostProcess(Process process) => this.process = process;

    /// <summary>The edge, once the host printed it.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The dynalite child the host reported.</summary>
    public int DynaliteProcessId { get; private set; }

    /// <summary>Everything the host printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the built host with <paramref name="arguments"/>; waits for its banner unless it is a run that exits by itself.</summary>
    public static async Task<HostProcess> StartAsync(IEnumerable<string> arguments, bool waitUntilListening = true)
    {
        var start = new ProcessStartInfo("dotnet", [HostAssembly(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        var host = new HostProcess(Process.Start(start)!);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        if (waitUntilListening)
        {
            host.Endpoint = await host.ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
            // The host names its dynalite a few lines after it starts listening; tests that watch dynalite need both.
            await host.dynaliteKnown.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }

        return host;
    }

    /// <summary>Waits until the host has printed <paramref name="text"/>; throws with everything it printed when it does not.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host never printed '{text}'. It printed:{Environment.NewLine}{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C's sibling sends it: the host's shutdown code runs.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to {process.Id}.");
        }
    }

    /// <summary>The process id of the host.</summary>
    public int ProcessId => process.Id;

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (DynalitePattern().Match(line) is { Success: true } dynalite)
        {
            DynaliteProcessId = int.Parse(dynalite.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            dynaliteKnown.TrySetResult();
        }

        if (ListeningPattern().Match(line) is { Success: true } listening)
        {
            ready.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    // The host's own build output, next to its runtimeconfig and deps files.
    private static string HostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), "local", "StepFunctionsCqrs.LocalCloud", "bin", configuration, framework, "StepFunctionsCqrs.LocalCloud.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The local cloud is not built at {path}.", path);
    }

    [GeneratedRegex(@"Local cloud listening on (\S+) ")]
    private static partial Regex ListeningPattern();

    [GeneratedRegex(@"dynalite process (\d+)")]
    private static partial Regex DynalitePattern();
}
