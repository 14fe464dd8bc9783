using StepFunctionsCqrs.Cli.Bench;

namespace StepFunctionsCqrs.Cli.Tests.Bench;

public sealed class LatencyPercentilesTests
{
    [Fact]
    public void Percentiles_follow_the_nearest_rank_method()
    {
        var sample = Enumerable.Range(1, 200).Select(i => TimeSpan.FromMilliseconds(i)).Reverse().ToList();

        var percentiles = LatencyPercentiles.Of(sample);

        Assert.Equal(TimeSpan.FromMilliseconds(100), percentiles.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(190), percentiles.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(198), percentiles.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(200), percentiles.Max);
    }

    [Fact]
    public void A_single_measurement_is_every_percentile()
    {
        var percentiles = LatencyPercentiles.Of([TimeSpan.FromSeconds(2)]);

        Assert.Equal(TimeSpan.FromSeconds(2), percentiles.P50);
        Assert.Equal(TimeSpan.FromSeconds(2), percentiles.P99);
    }

    [Fact]
    public void No_measurements_is_an_error_saying_no_command_finished()
    {
        Assert.Contains("no command reached an outcome", Assert.Throws<ArgumentException>(() => LatencyPercentiles.Of([])).Message);
    }

    [Fact]
    public void The_ratio_compares_throughput_with_the_higher_probed_store_write_rate_over_writes_per_command()
    {
        var report = new BenchReport(100, new Dictionary<string, int> { ["Accepted"] = 90, ["Rejected"] = 10 }, TimeSpan.FromSeconds(4),
            LatencyPercentiles.Of([TimeSpan.FromSeconds(1)]), WritesPerCommand: 5, Store: new StoreRates(Before: 400, After: 500), NotAccepted: [], WarmupCommands: 0);

        Assert.Equal(25, report.CommandsPerSecond);
        Assert.Equal(100, report.StoreBoundCommandsPerSecond);
        Assert.Equal(0.25, report.RatioToStoreBound);
        Assert.Equal(0, report.Missing);
    }
}
