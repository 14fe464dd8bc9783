using StepFunctionsCqrs.Functions.Configuration;
using StoreTables = StepFunctionsCqrs.Functions.Stores.Tables;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Cli.Configuration;

/// <summary>Where the stack is and what its resources are called, resolved the standard AWS way plus the stack's names.</summary>
/// <param name="Region">AWS_REGION, else AWS_DEFAULT_REGION; us-east-1 when an endpoint override is set.</param>
/// <param name="Endpoint">AWS_ENDPOINT_URL (a local cloud or LocalStack); null means the public AWS endpoints.</param>
/// <param name="SqsEndpoint">AWS_ENDPOINT_URL_SQS, else <paramref name="Endpoint"/>.</param>
/// <param name="DynamoDbEndpoint">AWS_ENDPOINT_URL_DYNAMODB, else <paramref name="Endpoint"/>.</param>
/// <param name="StepFunctionsEndpoint">AWS_ENDPOINT_URL_SFN, else <paramref name="Endpoint"/>.</param>
/// <param name="CommandsQueue">The commands queue: a URL, or a name looked up with GetQueueUrl.</param>
/// <param name="DeadLetterQueue">The commands dead-letter queue: a URL, or a name.</param>
/// <param name="StateMachineArn">The command pipeline state machine.</param>
/// <param name="ReadApiUrl">The read API's base URL; null means reading the view tables directly.</param>
/// <param name="Tables">The physical table names.</param>
public sealed record CliSettings(
    string Region,
    Uri? Endpoint,
    Uri? SqsEndpoint,
    Uri? DynamoDbEndpoint,
    Uri? StepFunctionsEndpoint,
    string CommandsQueue,
    string DeadLetterQueue,
    string StateMachineArn,
    Uri? ReadApiUrl,
    TableNames Tables)
{
    /// <summary>The commands queue URL or name.</summary>
    public const string CommandsQueueUrlVariable = "CQRS_COMMANDS_QUEUE_URL";
    /// <summary>The dead-letter queue URL or name.</summary>
    public const string DeadLetterQueueUrlVariable = "CQRS_DLQ_URL";
    /// <summary>The state machine ARN.</summary>
    public const string StateMachineArnVariable = "CQRS_STATE_MACHINE_ARN";
    /// <summary>The read API base URL.</summary>
    public const string ReadApiUrlVariable = "CQRS_READ_API_URL";
    /// <summary>A prefix put before every default table name.</summary>
    public const string TablePrefixVariable = "CQRS_TABLE_PREFIX";

    /// <summary>The commands queue name the local cloud bootstraps.</summary>
    public const string DefaultCommandsQueueName = "commands";
    /// <summary>The dead-letter queue name the local cloud bootstraps.</summary>
    public const string DefaultDeadLetterQueueName = "commands-dlq";
    /// <summary>The state machine name the local cloud bootstraps.</summary>
    public const string DefaultStateMachineName = "command-pipeline";
    /// <summary>The account id local emulators answer with.</summary>
    public const string LocalAccountId = "000000000000";

    /// <summary>Resolves every setting, naming the variable at fault when one is malformed.</summary>
    public static CliSettings Resolve(SettingsSource source)
    {
        var endpoint = Url(source, "AWS_ENDPOINT_URL");
        var region = source.Get("AWS_REGION") ?? source.Get("AWS_DEFAULT_REGION")
            ?? (endpoint is not null ? "us-east-1"
                : throw new CliException("No AWS region is configured: set AWS_REGION (or AWS_ENDPOINT_URL to target a local cloud or LocalStack)."));
        var prefix = source.Get(TablePrefixVariable) ?? "";
        return new CliSettings(
            region,
            endpoint,
            Url(source, "AWS_ENDPOINT_URL_SQS") ?? endpoint,
            Url(source, "AWS_ENDPOINT_URL_DYNAMODB") ?? endpoint,
            Url(source, "AWS_ENDPOINT_URL_SFN") ?? endpoint,
            source.Get(CommandsQueueUrlVariable) ?? DefaultCommandsQueueName,
            source.Get(DeadLetterQueueUrlVariable) ?? DefaultDeadLetterQueueName,
            source.Get(StateMachineArnVariable) ?? $"arn:aws:states:{region}:{LocalAccountId}:stateMachine:{DefaultStateMachineName}",
            Url(source, ReadApiUrlVariable),
            new TableNames(
                Table(source, StoreTables.CommitLog, prefix),
                Table(source, StoreTables.Availability, prefix),
                Table(source, StoreTables.GuestBookings, prefix),
                Table(source, StoreTables.Arrivals, prefix),
                Table(source, StoreTables.CommandStatus, prefix)));
    }

    /// <summary>The endpoint a service's calls go to, for messages: the override, else the public regional endpoint.</summary>
    public string Describe(Uri? serviceEndpoint, string service) =>
        serviceEndpoint?.ToString().TrimEnd('/') ?? $"https://{service}.{Region}.amazonaws.com";

    private static string Table(SettingsSource source, TableDefinition table, string prefix) =>
        source.Get(table.EnvironmentVariable) ?? prefix + table.LogicalName;

    private static Uri? Url(SettingsSource source, string name)
    {
        if (source.Get(name) is not { } value)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException($"{name} is '{value}', which is not an absolute http or https URL.");
    }
}
