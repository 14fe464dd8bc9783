using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.Asl.States.Fail;

/// <summary>Thrown by a Fail state; Error and Cause may be absent, as the definition allows.</summary>
internal sealed class FailStateException(string? error, string? cause) : Exception($"{error}: {cause}")
{
    public string? Error { get; } = error;

    public string? Cause { get; } = cause;

    /// <summary>The error as a catchable StatesException when it must cross a Parallel or Map boundary.</summary>
    public StatesException ToStatesException() => new(Error ?? "", Cause ?? "");
}
