namespace StepFunctionsCqrs.Cli;

/// <summary>A failure the user can act on; its message is printed as is, without a stack trace.</summary>
public sealed class CliException(string message, Exception? inner = null) : Exception(message, inner);
