namespace StepFunctionsCqrs.Asl.Common;

/// <summary>The Retry field: retriers scanned in order; the first whose ErrorEquals matches decides.</summary>
public sealed class RetryPolicy(IReadOnlyList<Retrier> retriers)
{
    /// <summary>The retriers in definition order.</summary>
    public IReadOnlyList<Retrier> Retriers { get; } = retriers;

    /// <summary>
    /// Decides for one error. <paramref name="attempts"/> holds the retries already made per retrier
    /// (a plain array so a run's progress is serializable); a retry increments its slot.
    /// </summary>
    public RetryDecision Decide(string error, int[] attempts, Random random)
    {
        for (var i = 0; i < Retriers.Count; i++)
        {
            var retrier = Retriers[i];
            if (!retrier.Errors.Matches(error)) continue;
            if (attempts[i] >= retrier.MaxAttempts) return new RetryDecision(RetryOutcome.Exhausted, TimeSpan.Zero);
            var delay = retrier.DelayBefore(attempts[i], random);
            attempts[i]++;
            return new RetryDecision(RetryOutcome.Retry, delay);
        }
        return new RetryDecision(RetryOutcome.NoMatch, TimeSpan.Zero);
    }
}
