using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Asl;

/// <summary>An execution in progress: its live history, a way to stop it, and its eventual result.</summary>
public sealed class RunningExecution
{
    private readonly CancellationTokenSource _stop;
    private (string? Error, string? Cause) _stopReason;

    internal RunningExecution(string name, string executionArn, DateTimeOffset startDate, ExecutionHistory history, CancellationTokenSource stop)
    {
        Name = name;
        ExecutionArn = executionArn;
        StartDate = startDate;
        History = history;
        _stop = stop;
    }

    /// <summary>The execution's name.</summary>
    public string Name { get; }

    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartDate { get; }

    /// <summary>The history so far; grows while the execution runs.</summary>
    public ExecutionHistory History { get; }

    /// <summary>Completes with the result when the execution ends.</summary>
    public Task<ExecutionResult> Completion { get; internal set; } = null!;

    /// <summary>Running until <see cref="Completion"/> finishes, then the final status.</summary>
    public ExecutionStatus Status => Completion.IsCompletedSuccessfully ? Completion.Result.Status : ExecutionStatus.Running;

    internal (string? Error, string? Cause) StopReason => _stopReason;

    /// <summary>Stops the execution; it ends as Aborted with this error and cause.</summary>
    public void Stop(string? error = null, string? cause = null)
    {
        _stopReason = (error, cause);
        _stop.Cancel();
    }
}
