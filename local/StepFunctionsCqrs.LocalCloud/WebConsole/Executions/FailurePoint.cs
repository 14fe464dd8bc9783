namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The error and cause that ended an execution, and the state run whose failure ended it (when one can be told).</summary>
public sealed record FailurePoint(string Error, string? Cause, string? StateName, string? StateRunId);
