namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The DescribeStateMachine request body.</summary>
public sealed record DescribeStateMachineRequest(string StateMachineArn);
