namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>Latency percentiles by the nearest-rank method.</summary>
public sealed record LatencyPercentiles(TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max)
{
    /// <summary>Computes the percentiles of a non-empty sample.</summary>
    public static LatencyPercentiles Of(IReadOnlyCollection<TimeSpan> sample)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("No latencies were measured: no command reached an outcome.", nameof(sample));
        }

        var sorted = sample.Order().ToArray();
        return new LatencyPercentiles(Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    // The smallest value with at least p% of the sample at or below it.
    private static TimeSpan Rank(TimeSpan[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
