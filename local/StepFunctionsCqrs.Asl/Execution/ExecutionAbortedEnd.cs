namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>Stopped from outside.</summary>
internal sealed record ExecutionAbortedEnd(string? Error, string? Cause) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.Aborted;
}
