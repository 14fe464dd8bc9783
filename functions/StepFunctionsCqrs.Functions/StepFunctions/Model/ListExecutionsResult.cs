namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>One page of ListExecutions.</summary>
public sealed record ListExecutionsResult(IReadOnlyList<ExecutionListItem> Executions)
{
    /// <summary>The token for the next page; absent on the last page.</summary>
    public string? NextToken { get; init; }
}
