namespace StepFunctionsCqrs.LocalCloud.Pipeline;

/// <summary>The folder given to <c>--reset</c> does not hold a local cloud's state.</summary>
public sealed class NotAStateFolderException(string message) : IOException(message);
