namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>An uncaught error or a Fail state.</summary>
internal sealed record ExecutionFailedEnd(string? Error, string? Cause) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.Failed;
}
