namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The execution status names Step Functions reports; kept as strings so a new status never breaks parsing.</summary>
public static class ExecutionStatus
{
    /// <summary>The execution is in progress.</summary>
    public const string Running = "RUNNING";

    /// <summary>The execution finished with output.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>The execution finished with an error.</summary>
    public const string Failed = "FAILED";

    /// <summary>The execution ran past its timeout.</summary>
    public const string TimedOut = "TIMED_OUT";

    /// <summary>The execution was stopped.</summary>
    public const string Aborted = "ABORTED";

    /// <summary>The execution waits to be redriven.</summary>
    public const string PendingRedrive = "PENDING_REDRIVE";
}
