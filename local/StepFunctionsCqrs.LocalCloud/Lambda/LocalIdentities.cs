using Amazon.Runtime;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// The local cloud's callers. Locally a caller's access key is its identity: the SQS service stamps it as the
/// message's SenderId, and the sender-role mapping of the handlers grants roles by it, as IAM principal ids do on AWS.
/// </summary>
public static class LocalIdentities
{
    /// <summary>The command API's access key: it may send commands for any actor.</summary>
    public const string CommandApiAccessKey = "LOCALCOMMANDAPI";

    /// <summary>The functions' own access key (their execution role).</summary>
    public const string FunctionsAccessKey = "LOCALFUNCTIONS";

    /// <summary>The secret every local identity signs with; the local services read the key id only.</summary>
    public const string Secret = "local-secret";

    /// <summary>Credentials of the command API.</summary>
    public static AWSCredentials CommandApi { get; } = new BasicAWSCredentials(CommandApiAccessKey, Secret);

    /// <summary>Credentials of the functions.</summary>
    public static AWSCredentials Functions { get; } = new BasicAWSCredentials(FunctionsAccessKey, Secret);

    /// <summary>The SENDER_ROLES mapping: only the command API may send commands.</summary>
    public static string SenderRolesJson => $$"""{"{{CommandApiAccessKey}}":["command-api"]}""";
}
