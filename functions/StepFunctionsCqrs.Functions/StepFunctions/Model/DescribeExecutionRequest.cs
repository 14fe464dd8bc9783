namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The DescribeExecution request body.</summary>
public sealed record DescribeExecutionRequest(string ExecutionArn);
