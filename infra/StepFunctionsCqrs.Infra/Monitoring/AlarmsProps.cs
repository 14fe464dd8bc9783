using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Infra.Functions;

namespace StepFunctionsCqrs.Infra.Monitoring;

/// <summary>What to watch.</summary>
/// <param name="DeadLetterQueue">Any message here is a command nobody processed.</param>
/// <param name="StateMachine">The command pipeline.</param>
/// <param name="Functions">Every deployed function.</param>
public sealed record AlarmsProps(IQueue DeadLetterQueue, IStateMachine StateMachine, IReadOnlyList<DeployedFunction> Functions)
{
    /// <summary>The commands queue, watched for messages waiting too long; null to skip.</summary>
    public IQueue? CommandsQueue { get; init; }

    /// <summary>Tables watched for throttled requests, by logical name.</summary>
    public IReadOnlyDictionary<string, ITable> Tables { get; init; } = new Dictionary<string, ITable>(StringComparer.Ordinal);

    /// <summary>The HTTP API, watched for server errors; null when there is none.</summary>
    public IHttpApi? HttpApi { get; init; }

    /// <summary>Whether alarms notify an SNS topic (when they fire and when they clear).</summary>
    public bool Notify { get; init; } = true;

    /// <summary>An address the alarm topic e-mails, or null for none.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>Functions whose Errors metric counts expected outcomes (Persist throws on every lost race), so it is not alarmed.</summary>
    public IReadOnlySet<string> ErrorsExpected { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Seconds the oldest command may wait in the queue before it alarms.</summary>
    public int OldestCommandAgeSeconds { get; init; } = 300;

    /// <summary>Throws when something to watch is missing.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(DeadLetterQueue);
        ArgumentNullException.ThrowIfNull(StateMachine);
        ArgumentNullException.ThrowIfNull(Functions);
        ArgumentNullException.ThrowIfNull(Tables);
        ArgumentNullException.ThrowIfNull(ErrorsExpected);
        if (AlarmEmail is not null && !Notify)
        {
            throw new ArgumentException("An alarm e-mail needs the alarm topic.", nameof(AlarmEmail));
        }

        if (OldestCommandAgeSeconds < 60)
        {
            throw new ArgumentOutOfRangeException(nameof(OldestCommandAgeSeconds), OldestCommandAgeSeconds, "SQS reports message age once a minute; use 60 seconds or more.");
        }
    }
}
