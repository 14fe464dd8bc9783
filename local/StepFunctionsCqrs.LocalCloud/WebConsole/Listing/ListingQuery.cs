namespace StepFunctionsCqrs.LocalCloud.WebConsole.Listing;

/// <summary>The list's parameters once checked: the state machine, the filters, the page size and where the page starts.</summary>
public sealed record ListingQuery(string StateMachine, IReadOnlyList<string> StateMachines, string? Status, string? Prefix, int PageSize, ListingToken Token);
