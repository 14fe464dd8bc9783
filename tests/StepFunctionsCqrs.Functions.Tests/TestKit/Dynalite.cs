using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>A real dynalite (DynamoDB API on Node) on a free loopback port, started once per test collection and stopped by its PID.</summary>
public sealed class Dynalite : IAsyncLifetime
{
    private Process? process;

    /// <summary>The endpoint dynalite listens on.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A real SDK client pointed at dynalite.</summary>
    public IAmazonDynamoDB Client { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var cli = Path.Combine(RepositoryRoot(), "node_modules", "dynalite", "cli.js");
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        process = Process.Start(new ProcessStartInfo("node", [cli, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start node for dynalite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        await WaitUntilAnsweringAsync();
    }

    /// <summary>Creates a fresh set of tables under a unique prefix, so tests sharing this dynalite never see each other's data.</summary>
    public async Task<TableNames> CreateTablesAsync()
    {
        var names = TableNames.Logical.WithPrefix($"t{Guid.NewGuid():N}"[..12] + "-");
        await new TableCreator(Client).CreateAllAsync(names, CancellationToken.None);
        return names;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
                return;
            }
            catch (Exception e) when (deadline.Elapsed < TimeSpan.FromSeconds(20) && e is AmazonServiceException or HttpRequestException or IOException)
            {
                if (process!.HasExited)
                {
                    throw new InvalidOperationException($"dynalite exited with code {process.ExitCode} before answering.");
                }

                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "StepFunctionsCqrs.sln")))
            {
                return File.Exists(Path.Combine(dir.FullName, "node_modules", "dynalite", "cli.js"))
                    ? dir.FullName
                    : throw new InvalidOperationException($"dynalite is not installed: run 'npm ci' in {dir.FullName}.");
            }
        }

        throw new InvalidOperationException($"No repository root (package.json next to StepFunctionsCqrs.sln) above {AppContext.BaseDirectory}.");
    }
}
