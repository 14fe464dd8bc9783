namespace StepFunctionsCqrs.Asl.Common;

/// <summary>The Catch field: catchers scanned in order, the first matching one wins.</summary>
public sealed class CatchPolicy(IReadOnlyList<Catcher> catchers)
{
    /// <summary>The catchers in definition order.</summary>
    public IReadOnlyList<Catcher> Catchers { get; } = catchers;

    /// <summary>The catcher for this error, or null when none matches.</summary>
    public Catcher? Find(string error)
    {
        foreach (var catcher in Catchers)
        {
            if (catcher.Errors.Matches(error)) return catcher;
        }
        return null;
    }
}
