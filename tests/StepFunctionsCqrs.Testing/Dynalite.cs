using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using Xunit;

namespace StepFunctionsCqrs.Testing;

/// <summary>A real dynalite (DynamoDB API on Node) from the repository's node_modules on a free loopback port, started once per test collection and stopped by its PID.</summary>
public sealed class Dynalite : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(20);

    private Process? process;

    /// <summary>The endpoint dynalite listens on.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A real SDK client pointed at dynalite.</summary>
    public IAmazonDynamoDB Client { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var cli = RepositoryRoot.Combine("node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"dynalite is not installed at {cli}: run 'npm ci' in {RepositoryRoot.Path}.");
        }

        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        Endpoint = new Uri($"http://127.0.0.1:{port}");

        // Zero delays: tests create and delete tables constantly and gain nothing from simulated provisioning.
        process = Process.Start(new ProcessStartInfo("node", [cli, "--host", "127.0.0.1", "--port", port, "--createTableMs", "0", "--deleteTableMs", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start node for dynalite.");

        // Drained so a chatty dynalite never blocks on a full pipe.
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

    /// <summary>Creates a fresh set of the system's tables under a unique prefix, so tests sharing this dynalite never see each other's data.</summary>
    public async Task<TableNames> CreateTablesAsync(CancellationToken cancellationToken = default)
    {
        var names = TableNames.Logical.WithPrefix($"t{Guid.NewGuid():N}"[..12] + "-");
        await new TableCreator(Client).CreateAllAsync(names, cancellationToken);
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
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Client.ListTablesAsync(new ListTablesRequest());
                return;
            }
            catch (Exception e) when (clock.Elapsed < StartupLimit && e is AmazonServiceException or HttpRequestException or IOException)
            {
                if (process!.HasExited)
                {
                    throw new InvalidOperationException($"dynalite exited with code {process.ExitCode} before answering on {Endpoint}.", e);
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
}
