namespace StepFunctionsCqrs.Asl.Common;

/// <summary>An ErrorEquals list and the rules for which error names it matches.</summary>
public sealed class ErrorMatcher(IReadOnlyList<string> errorEquals)
{
    /// <summary>The names as written in the definition.</summary>
    public IReadOnlyList<string> ErrorEquals { get; } = errorEquals;

    /// <summary>
    /// True when the error is handled by this list. States.Runtime is terminal and never matched;
    /// States.ALL matches any other error except States.DataLimitExceeded; States.Timeout also matches
    /// States.HeartbeatTimeout (heartbeat timeouts were reported as States.Timeout before the finer name
    /// existed, so catchers written for that keep working); States.TaskFailed matches anything but timeouts.
    /// </summary>
    public bool Matches(string error)
    {
        if (error == ErrorNames.Runtime) return false;
        var timeout = error is ErrorNames.Timeout or ErrorNames.HeartbeatTimeout;
        foreach (var name in ErrorEquals)
        {
            if (name == error) return true;
            if (name == ErrorNames.All && error != ErrorNames.DataLimitExceeded) return true;
            if (name == ErrorNames.Timeout && timeout) return true;
            if (name == ErrorNames.TaskFailed && !timeout && error != ErrorNames.DataLimitExceeded) return true;
        }
        return false;
    }
}
