namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>What became of one SQS message.</summary>
public enum DispatchOutcome
{
    /// <summary>An execution was started for it.</summary>
    Started,
    /// <summary>An execution with its command id already exists: an earlier delivery got through.</summary>
    AlreadyStarted,
    /// <summary>It cannot become an execution (not JSON, no usable commandId, too large); SQS redelivers it until its redrive policy moves it to the dead-letter queue.</summary>
    Unusable,
    /// <summary>Starting the execution failed, probably transiently; SQS delivers it again.</summary>
    Failed,
}
