namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The states one Parallel branch ("Branch 1") or one Map iteration ("Iteration 0") ran, in order of entry.</summary>
public sealed record StateRunGroup(string Label, int Index, string Status, IReadOnlyList<StateRun> States);
