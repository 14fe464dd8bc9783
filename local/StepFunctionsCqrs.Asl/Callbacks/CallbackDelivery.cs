namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>The outcome of an answer sent with a task token, and the execution a genuine token belongs to.</summary>
public readonly record struct CallbackDelivery(CallbackOutcome Outcome, string? ExecutionArn);
