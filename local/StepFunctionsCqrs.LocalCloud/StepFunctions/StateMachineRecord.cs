namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>A stored state machine.</summary>
public sealed record StateMachineRecord(
    string Arn,
    string Name,
    string Definition,
    string RoleArn,
    string Type,
    DateTimeOffset CreationDate,
    DateTimeOffset? UpdateDate);
