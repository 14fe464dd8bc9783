namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>One page of ListStateMachines.</summary>
public sealed record ListStateMachinesResult(IReadOnlyList<StateMachineListItem> StateMachines)
{
    /// <summary>The token for the next page; absent on the last page.</summary>
    public string? NextToken { get; init; }
}
