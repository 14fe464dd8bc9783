namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// What the console's execution page shows: the definition as a graph coloured by what ran, the states run in order,
/// the number of state transitions (one per *StateEntered event, at any nesting level) and, for an execution that
/// failed, timed out or was aborted, where it ended.
/// </summary>
public sealed record ExecutionAnalysis(StateGraph Graph, IReadOnlyList<StateRun> States, int Transitions, FailurePoint? Failure);
