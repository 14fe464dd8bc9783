using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Tests.TestKit;

/// <summary>dynalite on a free loopback port for the tests of one collection; stopped by its PID.</summary>
public sealed class DynaliteServer : IAsyncLifetime
{
    private Process? process;

    /// <summary>Where dynalite listens.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>An SDK client pointed at it.</summary>
    public IAmazonDynamoDB Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(RepositoryRoot.Path, "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"dynalite is not installed: run 'npm ci' in {RepositoryRoot.Path}.");
        }

        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        process = Process.Start(new ProcessStartInfo("node", [cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start node for dynalite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
                return;
            }
            catch (Exception e) when (clock.Elapsed < TimeSpan.FromSeconds(20) && e is AmazonServiceException or HttpRequestException or IOException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A fresh set of the system's tables under a unique prefix.</summary>
    public async Task<TableNames> CreateTablesAsync()
    {
        var prefix = $"t{Guid.NewGuid():N}"[..12] + "-";
        var names = TableNames.Logical.WithPrefix(prefix);
        await new TableCreator(Client).CreateAllAsync(names, CancellationToken.None);
        return names;
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
