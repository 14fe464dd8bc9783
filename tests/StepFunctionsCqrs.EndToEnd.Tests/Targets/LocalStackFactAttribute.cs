namespace StepFunctionsCqrs.EndToEnd.Tests.Targets;

/// <summary>A scenario against LocalStack: skipped, with the reason, unless E2E_TARGET=localstack and LocalStack answers.</summary>
public sealed class LocalStackFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason from the probe.</summary>
    public LocalStackFactAttribute()
    {
        if (LocalStackTarget.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
