using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Identity;
using StepFunctionsCqrs.LocalCloud.Lambda;
using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

/// <summary>
/// One whole local cloud in this process, on a free port with its own state folder, shared by the tests of the
/// <see cref="PipelineCollection"/>, with real clients pointed at its edge.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    /// <summary>Short, so redelivery and dead-lettering happen within a test.</summary>
    public const int VisibilityTimeoutSeconds = 2;

    private readonly string stateFolder = Path.Combine(Path.GetTempPath(), "localcloud-pipeline-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Commands whose id starts with this fail Persist twice, transiently, before it runs: they end Accepted after retries.</summary>
    public const string RetriedPrefix = "fault-retry-";

    /// <summary>Commands whose id starts with this meet a bug in Persist, which no Retry covers: they end Failed.</summary>
    public const string FailedPrefix = "fault-bug-";

    /// <summary>The access key of the guest profile, which is also the guest's user id.</summary>
    public const string GuestId = "gina";

    /// <summary>The running cloud.</summary>
    public PipelineCloud Cloud { get; private set; } = null!;

    /// <summary>Our Step Functions client at the edge.</summary>
    public StepFunctionsClient StepFunctions { get; private set; } = null!;

    /// <summary>Signed raw calls at the edge, for operations our client does not offer and for malformed requests.</summary>
    public AwsJsonCaller Raw { get; private set; } = null!;

    /// <summary>The SDK's DynamoDB client at the edge.</summary>
    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    /// <summary>The SDK's SQS client at the edge, signed as the local admin.</summary>
    public AmazonSQSClient CommandApiSqs { get; private set; } = null!;

    /// <summary>An HTTP client at the edge signing for execute-api as the local admin, as the CLI does.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The edge.</summary>
    public Uri Endpoint => Cloud.Endpoint;

    /// <summary>The guest profile's credentials.</summary>
    public Amazon.Runtime.AWSCredentials Guest => Cloud.Identities.Find(GuestId)!.Credentials;

    /// <summary>A plain HTTP client at the edge, signing nothing.</summary>
    public HttpClient UnsignedHttp { get; private set; } = null!;

    /// <summary>An HTTP client calling the console's JSON as its pages do, with the header they send.</summary>
    public HttpClient ConsoleHttp { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // A guest profile beside the admin, as a developer adds one by hand before starting the local cloud.
        Directory.CreateDirectory(stateFolder);
        await File.WriteAllTextAsync(Path.Combine(stateFolder, CredentialsFile.FileName), $$"""
            [admin]
            aws_access_key_id = {{CredentialsFile.AdminAccessKey}}
            aws_secret_access_key = {{LocalIdentities.NewSecret()}}
            roles = admin
            [guest]
            aws_access_key_id = {{GuestId}}
            aws_secret_access_key = {{LocalIdentities.NewSecret()}}
            roles = guest
            """);
        var mockConfig = Path.Combine(stateFolder, "MockConfigFile.json");
        await File.WriteAllTextAsync(mockConfig, StepFunctionsCqrs.LocalCloud.Tests.StepFunctions.MockedMachines.Configuration);
        Cloud = await PipelineCloud.StartAsync(new PipelineOptions
        {
            MockConfigPath = mockConfig,
            Port = 0,
            StateFolder = stateFolder,
            RepositoryRoot = RepositoryRoot.Find(),
            VisibilityTimeoutSeconds = VisibilityTimeoutSeconds,
            Faults = FaultInjection.Parse($"Persist:2x@{RetriedPrefix},Persist:1x@{FailedPrefix}:bug", null),
        });
        var edge = Cloud.Endpoint;
        var credentials = new BasicAWSCredentials("AKIDTEST", "test-secret");
        StepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(edge, "us-east-1", credentials) { MaxAttempts = 1 });
        Raw = new AwsJsonCaller(edge, credentials);
        DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = edge.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        CommandApiSqs = new AmazonSQSClient(Cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = edge.ToString(), AuthenticationRegion = "us-east-1" });
        Http = SignedHttpClient.Create(edge, Cloud.Identities.Admin.Credentials);
        UnsignedHttp = new HttpClient { BaseAddress = edge };
        ConsoleHttp = new HttpClient { BaseAddress = edge };
        ConsoleHttp.DefaultRequestHeaders.Add(StepFunctionsCqrs.LocalCloud.WebConsole.ConsoleRoutes.RequestHeader, "1");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        StepFunctions.Dispose();
        Raw.Dispose();
        DynamoDb.Dispose();
        CommandApiSqs.Dispose();
        Http.Dispose();
        UnsignedHttp.Dispose();
        ConsoleHttp.Dispose();
        await Cloud.DisposeAsync();
        try
        {
            Directory.Delete(stateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would hide the real result.
        }
    }
}
