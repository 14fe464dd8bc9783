namespace StepFunctionsCqrs.LocalCloud.Pipeline;

/// <summary>Another running host holds the state folder.</summary>
public sealed class StateFolderInUseException(string message, Exception inner) : IOException(message, inner);
