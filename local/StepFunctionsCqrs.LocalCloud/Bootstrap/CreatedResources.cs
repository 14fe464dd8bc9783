namespace StepFunctionsCqrs.LocalCloud.Bootstrap;

/// <summary>What the bootstrap created or found: the queues and the state machine clients need.</summary>
public sealed record CreatedResources(string CommandsQueueUrl, string CommandsQueueArn, string DeadLetterQueueUrl, string StateMachineArn);
