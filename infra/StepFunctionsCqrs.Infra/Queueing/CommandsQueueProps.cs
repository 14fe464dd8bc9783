namespace StepFunctionsCqrs.Infra.Queueing;

/// <summary>Settings of the commands queue.</summary>
/// <param name="DispatcherTimeoutSeconds">Timeout of the function consuming the queue; sizes the visibility timeout.</param>
/// <param name="MaxReceiveCount">Deliveries before a message moves to the dead-letter queue.</param>
public sealed record CommandsQueueProps(int DispatcherTimeoutSeconds, int MaxReceiveCount = 5)
{
    /// <summary>Throws when a value cannot produce a working queue.</summary>
    public void Validate()
    {
        if (DispatcherTimeoutSeconds is < 1 or > 900)
        {
            throw new ArgumentOutOfRangeException(
                nameof(DispatcherTimeoutSeconds), DispatcherTimeoutSeconds, "The dispatcher timeout must be between 1 and 900 seconds (the Lambda limit).");
        }

        if (MaxReceiveCount is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxReceiveCount), MaxReceiveCount, "SQS accepts a redrive maxReceiveCount between 1 and 1000.");
        }
    }
}
