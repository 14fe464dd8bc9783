namespace StepFunctionsCqrs.Asl.Common;

/// <summary>Next/End: the state that follows, or the end of the branch.</summary>
public sealed record Transition(string? Next)
{
    /// <summary>"End": true.</summary>
    public static Transition End { get; } = new((string?)null);

    /// <summary>True when the state ends its branch.</summary>
    public bool IsEnd => Next is null;
}
