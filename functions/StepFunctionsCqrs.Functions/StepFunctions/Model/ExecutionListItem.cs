namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>One execution as ListExecutions summarizes it.</summary>
public sealed record ExecutionListItem(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate)
{
    /// <summary>When the execution ended; absent while it runs.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>The map run that started this execution.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>How many times the execution was redriven.</summary>
    public int? RedriveCount { get; init; }

    /// <summary>When the execution was last redriven.</summary>
    public DateTimeOffset? RedriveDate { get; init; }
}
