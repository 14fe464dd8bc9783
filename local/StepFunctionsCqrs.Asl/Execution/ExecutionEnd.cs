using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>How an execution ended; one small type per way of ending.</summary>
internal abstract record ExecutionEnd
{
    public abstract ExecutionStatus Status { get; }
}

/// <summary>The last state produced this output.</summary>
internal sealed record ExecutionSucceededEnd(JsonNode? Output) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.Succeeded;
}

/// <summary>An uncaught error or a Fail state.</summary>
internal sealed record ExecutionFailedEnd(string? Error, string? Cause) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.Failed;
}

/// <summary>The state machine's TimeoutSeconds elapsed.</summary>
internal sealed record ExecutionTimedOutEnd(string Error, string? Cause) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.TimedOut;
}

/// <summary>Stopped from outside.</summary>
internal sealed record ExecutionAbortedEnd(string? Error, string? Cause) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.Aborted;
}
