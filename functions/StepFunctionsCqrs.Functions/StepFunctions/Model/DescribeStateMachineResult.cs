namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The DescribeStateMachine response: the state machine's name, definition and role.</summary>
public sealed record DescribeStateMachineResult(
    string StateMachineArn,
    string Name,
    string Definition,
    string RoleArn,
    string Type,
    DateTimeOffset CreationDate)
{
    /// <summary>ACTIVE or DELETING.</summary>
    public string? Status { get; init; }
}
