namespace StepFunctionsCqrs.Asl.Common;

/// <summary>One entry of a Retry array.</summary>
public sealed record Retrier(
    ErrorMatcher Errors,
    int IntervalSeconds = 1,
    int MaxAttempts = 3,
    double BackoffRate = 2.0,
    int? MaxDelaySeconds = null,
    JitterStrategy Jitter = JitterStrategy.None)
{
    /// <summary>The wait before retry number <paramref name="attempt"/> (zero-based): IntervalSeconds × BackoffRate^attempt, capped, then jittered.</summary>
    public TimeSpan DelayBefore(int attempt, Random random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, attempt);
        if (MaxDelaySeconds is { } max) seconds = Math.Min(seconds, max);
        if (Jitter == JitterStrategy.Full) seconds = random.NextDouble() * seconds;
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
