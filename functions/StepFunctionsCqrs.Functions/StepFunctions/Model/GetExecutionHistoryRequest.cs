namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The GetExecutionHistory request body.</summary>
public sealed record GetExecutionHistoryRequest(string ExecutionArn)
{
    /// <summary>Page size, 1 to 1000; the service picks one when absent.</summary>
    public int? MaxResults { get; init; }

    /// <summary>The token from the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>Newest event first.</summary>
    public bool? ReverseOrder { get; init; }

    /// <summary>Whether events carry input and output; false leaves them out.</summary>
    public bool? IncludeExecutionData { get; init; }
}
