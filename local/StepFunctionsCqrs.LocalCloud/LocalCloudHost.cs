using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Sqs;

namespace StepFunctionsCqrs.LocalCloud;

/// <summary>The local cloud: one loopback port in front of the AWS-compatible services, started and stopped as a unit.</summary>
public sealed class LocalCloudHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalCloudHost(WebApplication app, Uri endpoint, string dataDirectory)
    {
        DataDirectory = dataDirectory;
        this.app = app;
        Endpoint = endpoint;
    }

    /// <summary>The largest request body the edge reads: 16 MiB, DynamoDB's limit.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>The most connections the edge holds open at once; long polls hold one each.</summary>
    public const int MaxConnections = 1024;

    /// <summary>The edge URL to use as AWS_ENDPOINT_URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>The folder of the durable state.</summary>
    public string DataDirectory { get; }

    /// <summary>The host's services, for the parts of the local cloud that run beside the edge.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Builds the host and starts listening on 127.0.0.1. <paramref name="addServices"/> registers further services
    /// (more <see cref="IAwsJsonService"/>s join the edge's routing table); <paramref name="mapRoutes"/> adds HTTP routes.
    /// </summary>
    public static async Task<LocalCloudHost> StartAsync(
        LocalCloudOptions options,
        string[]? args = null,
        CancellationToken cancellationToken = default,
        Action<IServiceCollection>? addServices = null,
        Action<WebApplication>? mapRoutes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);

            // DynamoDB's own bound on a request; SQS and the HTTP routes refuse far less themselves.
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxConcurrentConnections = MaxConnections;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddSingleton(_ => new SqsStore(options.SqsDatabasePath));
        builder.Services.AddSingleton<QueueArrivals>();
        builder.Services.AddSingleton(new QueueAddress(options.Region, options.AccountId));
        builder.Services.AddSingleton<SqsOperations>();

        // The routing table: X-Amz-Target prefix → service. Step Functions ("AWSStepFunctions.") and
        // DynamoDB ("DynamoDB_20120810.") register here as further IAwsJsonService implementations.
        builder.Services.AddSingleton<IAwsJsonService, SqsProtocol>();
        builder.Services.AddSingleton<AwsJsonRouter>();
        addServices?.Invoke(builder.Services);

        var app = builder.Build();

        // Before any route: a request for another host name or from another web origin, or one whose signature is
        // wrong, reaches no service.
        app.Use(LoopbackHostGuard.InvokeAsync);
        app.Use(CrossOriginWriteGuard.InvokeAsync);
        // Signatures carry the callers' wall-clock time, whatever clock the queues run on.
        var signatures = new SignatureGuard(new SigV4Verifier(key => options.Identities.Find(key)?.Secret, TimeProvider.System));
        app.Use(signatures.InvokeAsync);
        var router = app.Services.GetRequiredService<AwsJsonRouter>();
        app.MapPost("/{**path}", router.RouteAsync);
        app.MapGet("/health", () => Results.Ok(new HealthReport("running", [.. router.Prefixes])));
        mapRoutes?.Invoke(app);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalCloudHost(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"), options.DataDirectory);
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening and closes the stores.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
