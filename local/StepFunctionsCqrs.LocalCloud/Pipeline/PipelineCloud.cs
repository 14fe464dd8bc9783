using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.Invokers;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.DynamoDb;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Http;
using StepFunctionsCqrs.LocalCloud.Identity;
using StepFunctionsCqrs.LocalCloud.Lambda;
using StepFunctionsCqrs.LocalCloud.Metering;
using StepFunctionsCqrs.LocalCloud.Pipeline.Internal;
using StepFunctionsCqrs.LocalCloud.Sqs;
using StepFunctionsCqrs.LocalCloud.StepFunctions;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Testing;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Integrations;
using StepFunctionsCqrs.LocalCloud.Telemetry;
using StepFunctionsCqrs.LocalCloud.WebConsole;
using StepFunctionsCqrs.LocalCloud.WebConsole.Commands;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;
using StepFunctionsCqrs.LocalCloud.WebConsole.Listing;
using StepFunctionsCqrs.LocalCloud.WebConsole.Queues;

namespace StepFunctionsCqrs.LocalCloud.Pipeline;

/// <summary>
/// The whole command pipeline on one machine: the edge (SQS, Step Functions, DynamoDB via dynalite), the functions
/// in-process, the SQS event source mapping feeding Dispatch, the read API and <c>POST /commands</c> over HTTP.
/// </summary>
public sealed class PipelineCloud : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts;

    private PipelineCloud(LocalCloudHost host, CreatedResources resources, List<IAsyncDisposable> parts, int resumed, int dynaliteProcessId,
        LocalIdentities identities, ServiceMeter meter, SpanStore spans)
    {
        Spans = spans;
        Meter = meter;
        Identities = identities;
        DynaliteProcessId = dynaliteProcessId;
        Host = host;
        Resources = resources;
        this.parts = parts;
        ResumedExecutions = resumed;
    }

    /// <summary>The edge.</summary>
    public LocalCloudHost Host { get; }

    /// <summary>What the functions asked of DynamoDB and SQS, and their invocations; <c>GET /meter</c> answers it.</summary>
    public ServiceMeter Meter { get; }

    /// <summary>The in-process functions' spans, by trace and command; <c>GET /telemetry/commands/{commandId}/spans</c> answers from it.</summary>
    public SpanStore Spans { get; }

    /// <summary>The edge URL, for AWS_ENDPOINT_URL.</summary>
    public Uri Endpoint => Host.Endpoint;

    /// <summary>The queues and state machine the bootstrap made.</summary>
    public CreatedResources Resources { get; }

    /// <summary>The callers it knows: the admin's credentials sign as the one who may act for anyone.</summary>
    public LocalIdentities Identities { get; }

    /// <summary>The browser console, served on the edge.</summary>
    public Uri ConsoleUrl => new(Endpoint, ConsoleRoutes.Root + "/");

    /// <summary>The credentials file holding the admin's and any further profiles.</summary>
    public string CredentialsPath => Path.Combine(Host.DataDirectory, CredentialsFile.FileName);

    /// <summary>The process id of dynalite, the child serving DynamoDB.</summary>
    public int DynaliteProcessId { get; }

    /// <summary>How many executions a previous run left unfinished and this one re-ran.</summary>
    public int ResumedExecutions { get; }

    /// <summary>Starts everything, in dependency order, and stops what started when a later step fails.</summary>
    public static async Task<PipelineCloud> StartAsync(PipelineOptions options, CancellationToken cancellationToken = default)
    {
        // Locked before --reset wipes anything, so a reset cannot pull the state from under a running host.
        // A bad mock configuration is refused before anything starts, naming the file and the fault.
        var mocks = options.MockConfigPath is { } mockPath ? MockConfiguration.Load(mockPath) : null;
        var folderLock = StateFolderLock.Acquire(options.StateFolder);
        var parts = new List<IAsyncDisposable> { folderLock };
        MetricTotals? totals = null;
        try
        {
            if (options.Reset)
            {
                StateFolderMarker.RequireForReset(options.StateFolder);
                StateFolderLock.ClearExceptLock(options.StateFolder);
            }

            StateFolderMarker.Mark(options.StateFolder);
            var identities = LocalIdentities.Start(CredentialsFile.LoadOrCreate(options.StateFolder));
            var dynalite = await DynaliteProcess.StartAsync(options.RepositoryRoot, Path.Combine(options.StateFolder, "dynamodb"), cancellationToken).ConfigureAwait(false);
            parts.Add(dynalite);
            // Sealed with a key kept beside the store, so tokens issued before a restart still answer as genuine.
            var callbacks = new TaskTokenBroker(TaskTokenKeyFile.LoadOrCreate(options.StateFolder));
            var store = await StepFunctionsStore.OpenAsync(Path.Combine(options.StateFolder, "stepfunctions.db"), cancellationToken).ConfigureAwait(false);
            parts.Add(store);

            var meter = new ServiceMeter();
            var spans = new SpanStore(options.SpanLimits);
            if (options.CollectTelemetry)
            {
                var collector = new SpanCollector(spans);
                var metricTotals = new MetricTotals();
                parts.Add(new DisposeAction(() => { collector.Dispose(); metricTotals.Dispose(); }));
                totals = metricTotals;
            }

            var functions = new InProcessFunctions(options.Region, options.AccountId, options.Faults, meter);
            var arns = new StateMachineArns(options.Region, options.AccountId);
            var hostOptions = new LocalCloudOptions
            {
                Port = options.Port, DataDirectory = options.StateFolder, Region = options.Region, AccountId = options.AccountId,
                Identities = identities,
            };
            var dynaliteClient = new HttpClient { BaseAddress = dynalite.Endpoint };
            var commandsQueue = new CommandsQueue();
            IAmazonSQS? commandApiSqs = null;
            var consoleConnection = new ConsoleConnection();
            var consoleAssets = new ConsoleAssets(ConsoleAssets.DefaultSiteFolder, options.RepositoryRoot);

            var host = await LocalCloudHost.StartAsync(hostOptions, null, cancellationToken,
                services =>
                {
                    services.AddSingleton<IAwsJsonService>(new DynamoDbProxy(dynaliteClient));
                    services.AddSingleton(store);
                    services.AddSingleton(arns);
                    services.AddSingleton(functions);
                    services.AddSingleton(sp => new SqsSendMessageIntegration(sp.GetRequiredService<SqsOperations>()));
                    services.AddSingleton<ITaskInvoker>(sp => new ServiceIntegrationInvoker(new LambdaHandlerInvoker(functions.ByArn), sp.GetRequiredService<SqsSendMessageIntegration>()));
                    services.AddSingleton(sp => new ExecutionRunner(store, sp.GetRequiredService<ITaskInvoker>(), sp.GetRequiredService<TimeProvider>(),
                        sp.GetRequiredService<ILogger<ExecutionRunner>>(), options.MaxConcurrentExecutions, callbacks, mocks) { DelayScale = options.DelayScale });
                    services.AddSingleton<TaskCallbackOperations>();
                    services.AddSingleton<TestStateOperations>();
                    services.AddSingleton<RedriveOperations>();
                    services.AddSingleton<StepFunctionsOperations>();
                    services.AddSingleton<IAwsJsonService, StepFunctionsProtocol>();
                    services.AddSingleton<ReadApiEndpoint>();
                    services.AddSingleton(commandsQueue);
                    services.AddSingleton<CommandsEndpoint>();
                    services.AddSingleton(consoleAssets);
                    services.AddSingleton<ConsolePages>();
                    services.AddSingleton(consoleConnection);
                    services.AddSingleton<ExecutionListing>();
                    services.AddSingleton<ExecutionInspector>();
                    services.AddSingleton<CommandInspector>();
                    services.AddSingleton<QueueInspector>();
                },
                app =>
                {
                    ConsoleRoutes.Map(app);
                    app.MapGet("/meter", () => Results.Ok(meter.Read()));
                    TelemetryRoutes.Map(app, spans, totals);
                    app.MapPost("/commands", (HttpContext context) => context.RequestServices.GetRequiredService<CommandsEndpoint>().HandleAsync(context));
                    app.MapGet("/{**path}", (HttpContext context) => context.RequestServices.GetRequiredService<ReadApiEndpoint>().HandleAsync(context));
                }).ConfigureAwait(false);
            parts.Add(host);
            parts.Add(new DisposeAction(() => dynaliteClient.Dispose()));
            var runner = host.Services.GetRequiredService<ExecutionRunner>();
            parts.Add(runner);

            // Before the functions' clients are built: the SDK applies the hook to clients made after it.
            var metering = SdkMetering.Register(meter, identities.Functions.AccessKey, [dynalite.Endpoint, host.Endpoint]);
            parts.Add(new DisposeAction(metering.Dispose));
            var edge = host.Endpoint.ToString();
            commandApiSqs = SqsClient(edge, options.Region, identities.CommandApi.Credentials);
            var functionsSqs = SqsClient(edge, options.Region, identities.Functions.Credentials);
            parts.Add(new DisposeAction(() => { commandApiSqs.Dispose(); functionsSqs.Dispose(); }));
            using var dynamoDb = new AmazonDynamoDBClient(identities.Functions.Credentials, new AmazonDynamoDBConfig
            {
                ServiceURL = edge, AuthenticationRegion = options.Region,
            });

            var bootstrap = new LocalBootstrap(functionsSqs, dynamoDb, host.Services.GetRequiredService<StepFunctionsOperations>(), functions, arns);
            var resources = await bootstrap.RunAsync(options.RepositoryRoot, options.VisibilityTimeoutSeconds, cancellationToken).ConfigureAwait(false);
            commandsQueue.Connect(commandApiSqs, resources.CommandsQueueUrl);
            var consoleClients = new ConsoleClients(host.Endpoint, options.Region, identities.Admin.Credentials, resources);
            parts.Add(new DisposeAction(consoleClients.Dispose));
            consoleConnection.Connect(consoleClients);

            new FunctionEnvironment(host.Endpoint, options.Region, resources.StateMachineArn, identities, dynalite.Endpoint).Apply();
            var resumed = await runner.ResumeUnfinishedAsync(cancellationToken).ConfigureAwait(false);

            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SqsEventSourceMapping>();
            var mapping = new SqsEventSourceMapping(functionsSqs, resources.CommandsQueueUrl, resources.CommandsQueueArn, options.Region,
                input => functions.InvokeAsync(FunctionCatalog.Dispatch, input), options.Pollers, logger, runner.WaitForRoomAsync);
            parts.Add(mapping);
            return new PipelineCloud(host, resources, parts, resumed, dynalite.ProcessId, identities, meter, spans);
        }
        catch
        {
            await DisposeAllAsync(parts).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => Host.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops polling, then the executions (left to re-run on the next start), the edge, the stores and dynalite.</summary>
    public ValueTask DisposeAsync() => DisposeAllAsync(parts);

    private static async ValueTask DisposeAllAsync(List<IAsyncDisposable> parts)
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync().ConfigureAwait(false);
        }

        parts.Clear();
    }

    private static AmazonSQSClient SqsClient(string edge, string region, AWSCredentials credentials) =>
        new(credentials, new AmazonSQSConfig { ServiceURL = edge, AuthenticationRegion = region });
}
