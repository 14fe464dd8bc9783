using System.Diagnostics;
using System.Text.Json;

namespace StepFunctionsCqrs.LocalCloud.DynamoDb;

/// <summary>
/// dynalite (DynamoDB on LevelDB) as a child process on a free loopback port. It is started through a small node
/// script that exits when this process's end of its stdin pipe closes, so it dies with the host even on SIGKILL.
/// </summary>
public sealed class DynaliteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;

    private DynaliteProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    /// <summary>Where dynalite listens.</summary>
    public Uri Endpoint { get; }

    /// <summary>The child's process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts dynalite keeping its tables in <paramref name="dataFolder"/>.</summary>
    public static async Task<DynaliteProcess> StartAsync(string repositoryRoot, string dataFolder, CancellationToken cancellationToken)
    {
        var module = NodePackages.Dynalite(repositoryRoot);
        Directory.CreateDirectory(dataFolder);
        var script = Path.Combine(AppContext.BaseDirectory, "DynamoDb", "dynalite-child.js");
        var start = new ProcessStartInfo("node", [script, module, dataFolder])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node; Node.js 20 or newer must be on PATH.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            if (line is null)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                string text;
                lock (errors)
                {
                    text = errors.ToString();
                }

                throw new InvalidOperationException($"dynalite exited with code {process.ExitCode} before listening (data folder {dataFolder}): {text}");
            }

            var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
            return new DynaliteProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Closes dynalite's stdin so it shuts down, and kills it by PID when it does not.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            Kill(process);
            process.Dispose();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
