namespace StepFunctionsCqrs.Asl.Common;

/// <summary>What the Retry field decided about an error.</summary>
public enum RetryOutcome
{
    /// <summary>A retrier matched and has attempts left: wait, then run the state again.</summary>
    Retry,

    /// <summary>A retrier matched but its attempts are used up: fall through to Catch.</summary>
    Exhausted,

    /// <summary>No retrier matched: fall through to Catch.</summary>
    NoMatch,
}
