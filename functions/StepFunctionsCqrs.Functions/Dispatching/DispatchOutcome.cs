namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>What became of one SQS message.</summary>
public enum DispatchOutcome
{
    /// <summary>An execution was started for it.</summary>
    Started,
    /// <summary>An execution with its command id already exists with this command: an earlier delivery got through.</summary>
    AlreadyStarted,
    /// <summary>An execution with its command id already exists with a different command; like <see cref="Unusable"/>, it is left for the dead-letter queue.</summary>
    Reused,
    /// <summary>It cannot become an execution (not JSON, no usable commandId, too large); SQS redelivers it until its redrive policy moves it to the dead-letter queue.</summary>
    Unusable,
    /// <summary>Starting the execution failed, probably transiently; SQS delivers it again.</summary>
    Failed,
}
