namespace StepFunctionsCqrs.Asl.Paths;

/// <summary>A path or intrinsic function text that is not valid; the message names the problem and its position.</summary>
public sealed class AslPathSyntaxException(string message) : FormatException(message);
