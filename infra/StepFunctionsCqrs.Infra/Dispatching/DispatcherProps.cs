using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;

namespace StepFunctionsCqrs.Infra.Dispatching;

/// <summary>The pieces the dispatcher connects: queue in, state machine out.</summary>
/// <param name="Dispatch">The dispatcher function.</param>
/// <param name="Queue">The commands queue it consumes.</param>
/// <param name="StateMachine">The only state machine it may start.</param>
/// <param name="BatchSize">Messages per invocation.</param>
public sealed record DispatcherProps(Function Dispatch, IQueue Queue, IStateMachine StateMachine, int BatchSize = 10)
{
    /// <summary>Most concurrent dispatcher invocations the queue drives; bounds how fast a flood of commands reaches the pipeline.</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>Throws when a piece is missing or the batch size is outside what SQS event sources accept without a batching window.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dispatch);
        ArgumentNullException.ThrowIfNull(Queue);
        ArgumentNullException.ThrowIfNull(StateMachine);
        if (BatchSize is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Without a batching window an SQS event source takes 1 to 10 messages.");
        }

        if (MaxConcurrency is < 2 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "An SQS event source's maximum concurrency is 2 to 1000.");
        }
    }
}
