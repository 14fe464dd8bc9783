using Amazon.CDK.AWS.Lambda.EventSources;
using Constructs;

namespace StepFunctionsCqrs.Infra.Dispatching;

/// <summary>Wires the commands queue to the dispatcher and lets the dispatcher start executions of the pipeline and describe them, nothing else.</summary>
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
        }));
        props.Dispatch.AddEnvironment(StateMachineArnVariable, props.StateMachine.StateMachineArn);
        props.StateMachine.GrantStartExecution(props.Dispatch);

        // When a command id is taken, the dispatcher reads that execution's input to tell a redelivery from a reused id.
        props.StateMachine.GrantExecution(props.Dispatch, "states:DescribeExecution");
    }
}
