namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>How an execution ended; one small type per way of ending.</summary>
internal abstract record ExecutionEnd
{
    public abstract ExecutionStatus Status { get; }
}
