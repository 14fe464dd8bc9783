namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The ListExecutions request body: a state machine or map run, optional filters, and paging.</summary>
public sealed record ListExecutionsRequest
{
    /// <summary>The state machine whose executions to list.</summary>
    public string? StateMachineArn { get; init; }

    /// <summary>Only executions with this status (see <see cref="ExecutionStatus"/>).</summary>
    public string? StatusFilter { get; init; }

    /// <summary>Page size, 1 to 1000; the service picks one when absent.</summary>
    public int? MaxResults { get; init; }

    /// <summary>The token from the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>The map run whose child executions to list, instead of a state machine.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>REDRIVEN or NOT_REDRIVEN.</summary>
    public string? RedriveFilter { get; init; }
}
