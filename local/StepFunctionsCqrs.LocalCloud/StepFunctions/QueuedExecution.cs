namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>An execution waiting for a free slot in the runner; a StopExecution while it waits ends the wait.</summary>
public sealed class QueuedExecution
{
    private readonly CancellationTokenSource stop = new();

    /// <summary>Cancelled when the execution is stopped before it started.</summary>
    public CancellationToken Stopped => stop.Token;

    /// <summary>The error StopExecution gave.</summary>
    public string? Error { get; private set; }

    /// <summary>The cause StopExecution gave.</summary>
    public string? Cause { get; private set; }

    /// <summary>Ends the wait, keeping the error and cause for the record.</summary>
    public void Stop(string? error, string? cause)
    {
        Error = error;
        Cause = cause;
        stop.Cancel();
    }
}
