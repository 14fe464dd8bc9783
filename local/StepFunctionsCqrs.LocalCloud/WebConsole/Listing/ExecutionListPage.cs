namespace StepFunctionsCqrs.LocalCloud.WebConsole.Listing;

/// <summary>One page of the executions list, newest first, with the filter it shows and the token of the next page.</summary>
public sealed record ExecutionListPage(
    string StateMachine,
    IReadOnlyList<string> StateMachines,
    string? Status,
    string? Prefix,
    IReadOnlyList<ExecutionRow> Executions,
    string? NextToken);
