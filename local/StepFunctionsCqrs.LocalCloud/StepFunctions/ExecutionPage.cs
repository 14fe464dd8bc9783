namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>One page of executions, newest first, and the position the next page starts before (null on the last page).</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Executions, long? NextBeforeSeq);
