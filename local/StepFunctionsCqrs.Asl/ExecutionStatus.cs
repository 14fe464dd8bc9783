namespace StepFunctionsCqrs.Asl;

/// <summary>How an execution ended, named as DescribeExecution names it.</summary>
public enum ExecutionStatus
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Reached a Succeed state or the end of the top-level states.</summary>
    Succeeded,

    /// <summary>An error was not caught, or a Fail state was reached.</summary>
    Failed,

    /// <summary>The state machine's TimeoutSeconds elapsed.</summary>
    TimedOut,

    /// <summary>Stopped from outside.</summary>
    Aborted,
}
