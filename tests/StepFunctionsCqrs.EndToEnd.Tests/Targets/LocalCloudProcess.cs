using System.Diagnostics;
using System.Text;
using StepFunctionsCqrs.Cli.Aws;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.EndToEnd.Tests.Targets;

/// <summary>
/// The local cloud as a child process on a free port with its own state folder: started the way a developer starts it,
/// its port read from what it prints, stopped (or crashed) by its PID.
/// </summary>
public sealed class LocalCloudProcess : ITarget, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> hostEnvironment;
    private readonly IReadOnlyList<string> hostArguments;
    private readonly StringBuilder log = new();
    private Process? process;
    private Uri? endpoint;

    private LocalCloudProcess(string stateFolder, IReadOnlyDictionary<string, string> hostEnvironment, IReadOnlyList<string> hostArguments)
    {
        StateFolder = stateFolder;
        this.hostEnvironment = hostEnvironment;
        this.hostArguments = hostArguments;
    }

    /// <summary>The host's state folder, kept across restarts.</summary>
    public string StateFolder { get; }

    /// <inheritdoc />
    public string Name => "local cloud";

    /// <summary>The edge endpoint.</summary>
    public Uri Endpoint => endpoint ?? throw new InvalidOperationException("The local cloud is not running.");

    /// <summary>The host's process id while it runs.</summary>
    public int Pid => process?.Id ?? throw new InvalidOperationException("The local cloud is not running.");

    /// <summary>Whether the host process is still alive.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>What the host printed, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Signed as the admin the host wrote into its state folder's credentials file, as a developer's CLI would be.</remarks>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var admin = Profile(CliClients.LocalAdminProfile);
            return new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = admin.AccessKey,
                ["AWS_SECRET_ACCESS_KEY"] = admin.SecretKey,
            };
        }
    }

    /// <summary>The path of the host's credentials file.</summary>
    public string CredentialsPath => System.IO.Path.Combine(StateFolder, "credentials");

    /// <summary>The key and secret of a profile of the host's credentials file.</summary>
    public Amazon.Runtime.ImmutableCredentials Profile(string name)
    {
        var file = new Amazon.Runtime.CredentialManagement.SharedCredentialsFile(CredentialsPath);
        return file.TryGetProfile(name, out var profile) && profile.GetAWSCredentials(file) is { } credentials
            ? credentials.GetCredentials()
            : throw new InvalidOperationException($"{CredentialsPath} has no profile [{name}].");
    }

    /// <inheritdoc />
    public (string AccessKeyId, string Secret) StrangerCredentials => ("AKIDSTRANGER", "stranger-secret");

    /// <inheritdoc />
    public (string AccessKeyId, string Secret)? ForgedCredentials => (Profile(CliClients.LocalAdminProfile).AccessKey, "guessed-secret");

    /// <summary>
    /// Starts a host on a fresh temp state folder; <paramref name="hostEnvironment"/> adds variables (e.g. fault switches),
    /// <paramref name="hostArguments"/> command-line options (e.g. <c>--visibility-timeout 2</c>), kept for every restart.
    /// </summary>
    public static async Task<LocalCloudProcess> StartAsync(IReadOnlyDictionary<string, string>? hostEnvironment = null, IReadOnlyList<string>? hostArguments = null)
    {
        var cloud = new LocalCloudProcess(Directory.CreateTempSubdirectory("cqrs-e2e-").FullName, hostEnvironment ?? new Dictionary<string, string>(), hostArguments ?? []);
        await cloud.StartProcessAsync();
        return cloud;
    }

    /// <summary>Kills the host and its children with SIGKILL, as a crash would, leaving the state folder as it was.</summary>
    public void Crash()
    {
        var victim = process ?? throw new InvalidOperationException("The local cloud is not running.");
        victim.Kill(entireProcessTree: true);
        victim.WaitForExit(10_000);
        victim.Dispose();
        process = null;
    }

    /// <summary>Starts the host again on the same state folder; it picks a new free port.</summary>
    public Task RestartAsync() => process is null ? StartProcessAsync() : throw new InvalidOperationException("The local cloud is still running.");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } running)
        {
            // Ask politely first so the host stops dynalite itself; force the whole tree if it does not exit.
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                term?.WaitForExit(5000);
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await running.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                running.Kill(entireProcessTree: true);
                running.WaitForExit(10_000);
            }
        }

        process?.Dispose();
        process = null;
        try
        {
            Directory.Delete(StateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A child that outlived the host may still hold a file; the temp folder is left for the OS to clean.
        }
    }

    private async Task StartProcessAsync()
    {
        var host = HostAssembly();
        var start = new ProcessStartInfo("dotnet", [host, "--port", "0", "--state", StateFolder, .. hostArguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (name, value) in hostEnvironment)
        {
            start.Environment[name] = value;
        }

        // The host must not inherit a caller's endpoint override or credentials: it sets its own.
        start.Environment.Remove("AWS_ENDPOINT_URL");
        var found = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint = null;
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, found);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, null);
        process.Exited += (_, _) => found.TrySetException(new InvalidOperationException($"The local cloud exited before it served.\n{Log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await using (timeout.Token.Register(() => found.TrySetException(new TimeoutException($"The local cloud printed no endpoint within {StartTimeout}.\n{Log}"))))
        {
            endpoint = await found.Task;
        }
    }

    private void OnLine(string? line, TaskCompletionSource<Uri>? found)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            // Only the start of a long run matters for diagnosis; keep memory bounded.
            if (log.Length < 200_000)
            {
                log.AppendLine(line);
            }
        }

        const string marker = "export AWS_ENDPOINT_URL=";
        if (found is not null && line.StartsWith(marker, StringComparison.Ordinal))
        {
            found.TrySetResult(new Uri(line[marker.Length..].Trim()));
        }
    }

    // The host is built next to the tests (same configuration), as a project reference without its assembly.
    internal static string HostAssembly()
    {
        var configuration = typeof(LocalCloudProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot.Path, "local", "StepFunctionsCqrs.LocalCloud", "bin", configuration, "net10.0", "StepFunctionsCqrs.LocalCloud.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The local cloud is not built at {path}: run 'dotnet build local/StepFunctionsCqrs.LocalCloud -c {configuration}'.");
    }
}
