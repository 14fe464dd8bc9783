namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>The state machine's TimeoutSeconds elapsed.</summary>
internal sealed record ExecutionTimedOutEnd(string Error, string? Cause) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.TimedOut;
}
