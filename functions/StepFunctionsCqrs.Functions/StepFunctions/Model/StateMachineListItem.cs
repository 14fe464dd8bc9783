namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>One state machine as ListStateMachines summarizes it.</summary>
public sealed record StateMachineListItem(string StateMachineArn, string Name, string Type, DateTimeOffset CreationDate);
