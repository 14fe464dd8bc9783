using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using StepFunctionsCqrs.Cli.Configuration;
using StepFunctionsCqrs.Functions.StepFunctions;

namespace StepFunctionsCqrs.Cli.Aws;

/// <summary>The real AWS SDK clients (and the Step Functions JSON client) pointed where the settings say.</summary>
public sealed class CliClients : IDisposable
{
    private readonly Lazy<IAmazonSQS> sqs;
    private readonly Lazy<IAmazonDynamoDB> dynamoDb;
    private readonly Lazy<StepFunctionsClient> stepFunctions;

    /// <summary>Creates clients lazily, so a command only needs the services it uses to be configured.</summary>
    public CliClients(CliSettings settings, AWSCredentials credentials)
    {
        Settings = settings;
        var region = RegionEndpoint.GetBySystemName(settings.Region);
        sqs = new(() => new AmazonSQSClient(credentials, Configure(new AmazonSQSConfig(), settings.SqsEndpoint, region)));
        dynamoDb = new(() => new AmazonDynamoDBClient(credentials, Configure(new AmazonDynamoDBConfig(), settings.DynamoDbEndpoint, region)));
        stepFunctions = new(() => new StepFunctionsClient(new StepFunctionsClientOptions(
            settings.StepFunctionsEndpoint ?? new Uri($"https://states.{settings.Region}.amazonaws.com/"), settings.Region, credentials)));
    }

    /// <summary>The local cloud's command-API access key, which SQS there stamps as the SenderId.</summary>
    public const string LocalCommandApiAccessKey = "LOCALCOMMANDAPI";

    /// <summary>The secret the local cloud's identities sign with.</summary>
    public const string LocalCommandApiSecret = "local-secret";

    /// <summary>The settings the clients were made from.</summary>
    public CliSettings Settings { get; }

    /// <summary>SQS.</summary>
    public IAmazonSQS Sqs => sqs.Value;

    /// <summary>DynamoDB.</summary>
    public IAmazonDynamoDB DynamoDb => dynamoDb.Value;

    /// <summary>Step Functions.</summary>
    public IStepFunctionsApi StepFunctions => stepFunctions.Value;

    /// <summary>
    /// Credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN) when the settings carry them, else the
    /// default chain. With an endpoint override and no credentials anywhere, the local cloud's command-API key is used:
    /// emulators accept any key, and the local cloud grants roles by key, so this is the one that may submit commands.
    /// </summary>
    public static AWSCredentials ResolveCredentials(SettingsSource source, CliSettings settings)
    {
        if (source.Get("AWS_ACCESS_KEY_ID") is { } keyId && source.Get("AWS_SECRET_ACCESS_KEY") is { } secret)
        {
            return source.Get("AWS_SESSION_TOKEN") is { } token
                ? new SessionAWSCredentials(keyId, secret, token)
                : new BasicAWSCredentials(keyId, secret);
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException) when (settings.Endpoint is not null)
        {
            return new BasicAWSCredentials(LocalCommandApiAccessKey, LocalCommandApiSecret);
        }
        catch (AmazonClientException e)
        {
            throw new CliException($"No AWS credentials found: {e.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (sqs.IsValueCreated)
        {
            sqs.Value.Dispose();
        }

        if (dynamoDb.IsValueCreated)
        {
            dynamoDb.Value.Dispose();
        }

        if (stepFunctions.IsValueCreated)
        {
            stepFunctions.Value.Dispose();
        }
    }

    private static T Configure<T>(T config, Uri? endpoint, RegionEndpoint region)
        where T : ClientConfig
    {
        if (endpoint is null)
        {
            config.RegionEndpoint = region;
        }
        else
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region.SystemName;
        }

        // A CLI should say quickly that nothing answers rather than back off for a minute.
        config.MaxErrorRetry = 2;
        config.Timeout = TimeSpan.FromSeconds(30);
        return config;
    }
}
