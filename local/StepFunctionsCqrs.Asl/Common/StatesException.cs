namespace StepFunctionsCqrs.Asl.Common;

/// <summary>A runtime error with an ASL error name, matchable by Retry and Catch.</summary>
public sealed class StatesException(string error, string cause) : Exception($"{error}: {cause}")
{
    /// <summary>The error name, e.g. <c>States.Runtime</c> or a task's own error type.</summary>
    public string Error { get; } = error;

    /// <summary>A human-readable explanation.</summary>
    public string Cause { get; } = cause;
}
