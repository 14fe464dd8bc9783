using Amazon;
using Amazon.Runtime.Signing;
using StepFunctionsCqrs.Cli.Aws;
using StepFunctionsCqrs.Cli.Configuration;
using StepFunctionsCqrs.Cli.Queries;

namespace StepFunctionsCqrs.Cli;

/// <summary>One command's resolved settings and clients.</summary>
public sealed class CliContext(CliRuntime runtime, CliSettings settings, CliClients clients) : IDisposable
{
    private HttpClient? http;

    /// <summary>The runtime the command runs in.</summary>
    public CliRuntime Runtime { get; } = runtime;

    /// <summary>The resolved settings.</summary>
    public CliSettings Settings { get; } = settings;

    /// <summary>The AWS clients.</summary>
    public CliClients Clients { get; } = clients;

    /// <summary>The SQS endpoint, for messages.</summary>
    public string SqsEndpoint => Settings.Describe(Settings.SqsEndpoint, "sqs");

    /// <summary>The DynamoDB endpoint, for messages.</summary>
    public string DynamoDbEndpoint => Settings.Describe(Settings.DynamoDbEndpoint, "dynamodb");

    /// <summary>The Step Functions endpoint, for messages.</summary>
    public string StepFunctionsEndpoint => Settings.Describe(Settings.StepFunctionsEndpoint, "states");

    /// <summary>An HTTP client signing its requests with the CLI's credentials, for the endpoints that are not an SDK's.</summary>
    public HttpClient SignedHttpClient => http ??= SignedHttp();

    /// <summary>The read API: over HTTP when a URL is configured, else the same routes answered from the view tables.</summary>
    public IReadApiClient ReadApi() => Settings.ReadApiUrl is { } url
        ? new HttpReadApiClient(SignedHttpClient, url)
        : new InProcessReadApiClient(Clients.DynamoDb, Settings.Tables, DynamoDbEndpoint);

    // The read API takes IAM-authorized calls on AWS and signed calls on the local cloud alike.
    private HttpClient SignedHttp() => new(new SigV4SigningHandler(Clients.Credentials, RegionEndpoint.GetBySystemName(Settings.Region), "execute-api", new SocketsHttpHandler()))
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Resolves a configured queue to its URL.</summary>
    public Task<string> QueueUrlAsync(string queue, CancellationToken cancellationToken) =>
        new QueueResolver(Clients.Sqs, SqsEndpoint).UrlOfAsync(queue, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        http?.Dispose();
        Clients.Dispose();
    }
}
