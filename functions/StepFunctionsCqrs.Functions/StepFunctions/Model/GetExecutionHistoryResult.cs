namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>One page of an execution's event history.</summary>
public sealed record GetExecutionHistoryResult(IReadOnlyList<HistoryEvent> Events)
{
    /// <summary>The token for the next page; absent on the last page.</summary>
    public string? NextToken { get; init; }
}
