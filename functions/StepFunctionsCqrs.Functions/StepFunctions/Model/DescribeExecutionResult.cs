namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The DescribeExecution response: where an execution stands and what it produced.</summary>
public sealed record DescribeExecutionResult(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate)
{
    /// <summary>When the execution ended; absent while it runs.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>The execution input as a JSON text.</summary>
    public string? Input { get; init; }

    /// <summary>The execution output as a JSON text, once it succeeded.</summary>
    public string? Output { get; init; }

    /// <summary>The error name of a failed execution.</summary>
    public string? Error { get; init; }

    /// <summary>The cause of a failed execution.</summary>
    public string? Cause { get; init; }

    /// <summary>The X-Ray trace header the execution was started with.</summary>
    public string? TraceHeader { get; init; }

    /// <summary>The map run that started this execution, for child executions of a distributed map.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>How many times the execution was redriven.</summary>
    public int? RedriveCount { get; init; }

    /// <summary>Whether the execution may be redriven.</summary>
    public string? RedriveStatus { get; init; }
}
