namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>A transition the definition allows; <see cref="Kind"/> is one of <see cref="GraphEdgeKinds"/>, the label a readable rule, "Default" or the caught errors.</summary>
public sealed record GraphEdge(string Id, string Source, string Target, string Kind, string? Label);
