namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The ListStateMachines request body: paging only.</summary>
public sealed record ListStateMachinesRequest
{
    /// <summary>Page size, 1 to 1000; the service picks one when absent.</summary>
    public int? MaxResults { get; init; }

    /// <summary>The token from the previous page.</summary>
    public string? NextToken { get; init; }
}
