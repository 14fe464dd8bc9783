using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
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
        Credentials = credentials;
        var region = RegionEndpoint.GetBySystemName(settings.Region);
        sqs = new(() => new AmazonSQSClient(credentials, Configure(new AmazonSQSConfig(), settings.SqsEndpoint, region)));
        dynamoDb = new(() => new AmazonDynamoDBClient(credentials, Configure(new AmazonDynamoDBConfig(), settings.DynamoDbEndpoint, region)));
        stepFunctions = new(() => new StepFunctionsClient(new StepFunctionsClientOptions(
            settings.StepFunctionsEndpoint ?? new Uri($"https://states.{settings.Region}.amazonaws.com/"), settings.Region, credentials)));
    }

    /// <summary>Where the local cloud keeps its state by default, below the repository root.</summary>
    public const string LocalStateFolder = ".local-cloud";

    /// <summary>The access key used against an endpoint when no credentials are found anywhere.</summary>
    public const string NoCredentialsAccessKey = "cqrs-cli-without-credentials";

    /// <summary>The profile of the local cloud's credentials file that holds the admin role.</summary>
    public const string LocalAdminProfile = "admin";

    /// <summary>The credentials every client signs with.</summary>
    public AWSCredentials Credentials { get; }

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
    /// default chain. With an endpoint override and no credentials anywhere, the admin profile of the local cloud's
    /// credentials file (<c>.local-cloud/credentials</c> in <paramref name="workingDirectory"/> or a folder above it) is used: the local cloud checks
    /// the signatures of the keys it knows and grants roles by key, and the admin may act for anyone.
    /// </summary>
    public static AWSCredentials ResolveCredentials(SettingsSource source, CliSettings settings, string workingDirectory)
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
            // With no local cloud's credentials either, a key of its own still reaches the endpoint: an emulator serves
            // it, and the local cloud serves it with no roles, so what it sends is rejected naming this sender.
            return LocalAdmin(workingDirectory) ?? new BasicAWSCredentials(NoCredentialsAccessKey, "none");
        }

        catch (AmazonClientException e)
        {
            throw new CliException($"No AWS credentials found: {e.Message}");
        }
    }

    /// <summary>The admin of the local cloud whose state folder is in <paramref name="folder"/> or the nearest folder above it.</summary>
    public static AWSCredentials? LocalAdmin(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var path = Path.Combine(current.FullName, LocalStateFolder, "credentials");
            if (File.Exists(path))
            {
                var file = new SharedCredentialsFile(path);
                return file.TryGetProfile(LocalAdminProfile, out var profile) && profile.GetAWSCredentials(file) is { } credentials
                    ? credentials
                    : throw new CliException($"{path} has no [{LocalAdminProfile}] profile with a key and secret.");
            }
        }

        return null;
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
