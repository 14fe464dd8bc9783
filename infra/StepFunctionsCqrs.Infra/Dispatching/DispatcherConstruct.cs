using Amazon.CDK.AWS.Lambda.EventSources;
using Constructs;

namespace StepFunctionsCqrs.Infra.Dispatching;

/// <summary>Wires the commands queue to the dispatcher and lets the dispatcher start executions of the pipeline, nothing else.</summary>
public sealed class DispatcherConstruct : Construct
{
    /// <summary>The environment variable holding the state machine ARN.</summary>
    public const string StateMachineArnVariable = "STATE_MACHINE_ARN";

    /// <summary>Adds the event source, the environment variable and the grant.</summary>
    public DispatcherConstruct(Construct scope, string id, DispatcherProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        // Partial batch responses: one bad message goes back to the queue (and on to the DLQ) without redelivering the rest.
        props.Dispatch.AddEventSource(new SqsEventSource(props.Queue, new SqsEventSourceProps
        {
            BatchSize = props.BatchSize,
            ReportBatchItemFailures = true,
            // Messages beyond this wait in the queue rather than fanning out into executions and Lambda concurrency.
            MaxConcurrency = props.MaxConcurrency,
        }));
        props.Dispatch.AddEnvironment(StateMachineArnVariable, props.StateMachine.StateMachineArn);
        props.StateMachine.GrantStartExecution(props.Dispatch);
        // A redelivered message meets ExecutionAlreadyExists; the dispatcher reads the execution's input to tell a
        // redelivery of the same command from a different command reusing its id.
        props.StateMachine.GrantExecution(props.Dispatch, "states:DescribeExecution");
    }
}
