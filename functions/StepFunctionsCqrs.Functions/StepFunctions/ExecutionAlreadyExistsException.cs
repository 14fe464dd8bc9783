namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>Thrown when an execution with the same name already exists with different input or has finished.</summary>
public sealed class ExecutionAlreadyExistsException(string message) : Exception(message);
