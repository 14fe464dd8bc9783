namespace StepFunctionsCqrs.LocalCloud;

/// <summary>What GET /health answers: that the edge runs, and which X-Amz-Target prefixes it serves.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<string> Services);
