namespace StepFunctionsCqrs.Asl.Common;

/// <summary>An ErrorEquals list and the rules for which error names it matches.</summary>
public sealed class ErrorMatcher(IReadOnlyList<string> errorEquals)
{
    /// <summary>The names as written in the definition.</summary>
    public IReadOnlyList<string> ErrorEquals { get; } = errorEquals;

    /// <summary>
    /// True when the error is handled by this list. States.Runtime is terminal and never matched;
    /// States.ALL matches any other error except States.DataLimitExceeded; States.TaskFailed matches
    /// anything but States.Timeout.
    /// </summary>
    public bool Matches(string error)
    {
        if (error == ErrorNames.Runtime) return false;
        foreach (var name in ErrorEquals)
        {
            if (name == error) return true;
            if (name == ErrorNames.All && error != ErrorNames.DataLimitExceeded) return true;
            if (name == ErrorNames.TaskFailed && error != ErrorNames.Timeout && error != ErrorNames.DataLimitExceeded) return true;
        }
        return false;
    }
}
