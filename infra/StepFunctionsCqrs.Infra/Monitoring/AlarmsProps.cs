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
    /// <summary>Throws when something to watch is missing.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(DeadLetterQueue);
        ArgumentNullException.ThrowIfNull(StateMachine);
        ArgumentNullException.ThrowIfNull(Functions);
    }
}
