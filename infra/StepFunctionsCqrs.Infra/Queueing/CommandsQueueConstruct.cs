using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace StepFunctionsCqrs.Infra.Queueing;

/// <summary>The commands queue clients send to, and the dead-letter queue behind it.</summary>
public sealed class CommandsQueueConstruct : Construct
{
    /// <summary>AWS guidance for SQS event sources: at least six times the function timeout, so retries under throttling do not redeliver a message still in flight.</summary>
    public const int VisibilityTimeoutFactor = 6;

    /// <summary>Creates both queues.</summary>
    public CommandsQueueConstruct(Construct scope, string id, CommandsQueueProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();
        MaxReceiveCount = props.MaxReceiveCount;

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            // The longest SQS allows, so an operator has two weeks to inspect and redrive.
            RetentionPeriod = Duration.Days(14),
        });

        Queue = new Queue(this, "Queue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            VisibilityTimeout = Duration.Seconds(props.DispatcherTimeoutSeconds * VisibilityTimeoutFactor),
            RetentionPeriod = Duration.Days(4),
            DeadLetterQueue = new DeadLetterQueue
            {
                Queue = DeadLetterQueue,
                MaxReceiveCount = props.MaxReceiveCount,
            },
        });
    }

    /// <summary>Where clients send commands.</summary>
    public Queue Queue { get; }

    /// <summary>Deliveries before a message moves to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; }

    /// <summary>Where commands land after <see cref="CommandsQueueProps.MaxReceiveCount"/> failed deliveries.</summary>
    public Queue DeadLetterQueue { get; }
}
