namespace StepFunctionsCqrs.Asl.Common;

/// <summary>How a retrier randomizes its delay.</summary>
public enum JitterStrategy
{
    /// <summary>The computed delay is used as is.</summary>
    None,

    /// <summary>The delay is drawn uniformly between zero and the computed delay.</summary>
    Full,
}
