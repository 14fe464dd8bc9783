namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// A stored execution that cannot be run here any more: its test case left the mock configuration, or the state it
/// would be redriven from left the definition.
/// </summary>
public sealed class ExecutionNotRunnableException(string message) : Exception(message);
