using System.Globalization;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.Cli.Tests.TestKit;

namespace StepFunctionsCqrs.Cli.Tests.Bench;

[Collection(LocalCloudCollection.Name)]
public sealed class BenchCommandTests : IAsyncLifetime
{
    private OwnLocalCloud own = null!;

    public async Task InitializeAsync() => own = await OwnLocalCloud.StartAsync();

    public async Task DisposeAsync() => await own.DisposeAsync();

    [Fact]
    public async Task A_closed_loop_bench_sends_one_command_at_a_time_and_reports_its_submit_to_status_percentiles()
    {
        var admin = own.Cloud.Identities.Admin;
        var cli = new CapturedCli(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = own.Cloud.Endpoint.ToString(), ["AWS_ACCESS_KEY_ID"] = admin.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = admin.Secret,
        });

        var code = await cli.RunAsync("bench", "-n", "20", "--concurrency", "1", "--closed-loop", "--warmup", "0", "--probe-writes", "100", "--room-types", "2");

        Assert.True(code == 0, cli.Console);
        Assert.Contains("Accepted 20", cli.Console, StringComparison.Ordinal);
        Assert.Contains("submit→status p50 / p95 / p99 / max", cli.Console, StringComparison.Ordinal);
        Assert.Contains("each waiting for its command's outcome before sending the next", cli.Console, StringComparison.Ordinal);
        var figures = Regex.Match(cli.Output, @"bench commands=20 warmup=0 .* p50=(?<p50>\d+) ms p95=(?<p95>\d+) ms p99=(?<p99>\d+) ms .* submitters=1 loop=closed");
        Assert.True(figures.Success, cli.Output);
        int Ms(string name) => int.Parse(figures.Groups[name].Value, CultureInfo.InvariantCulture);
        Assert.True(Ms("p50") <= Ms("p95") && Ms("p95") <= Ms("p99"), cli.Output);

        // Measured from the executions' histories and the local cloud's meter: a booking that meets no conflict enters ten
        // states (Validate, IsValid, Persist, IsDecided, Project and its three branches, RecordAccepted, Accepted) and makes
        // seven conditional writes of under a kilobyte each.
        Assert.Contains("USD per million commands", cli.Console, StringComparison.Ordinal);
        Assert.Contains("Standard StartExecution (300/s)", cli.Console, StringComparison.Ordinal);
        var cost = Regex.Match(cli.Output,
            @"bench-cost sampled=20 transitions=(?<t>[\d.]+) lambdaInvocations=(?<l>[\d.]+) lambdaMs=[\d.]+ readUnits=(?<r>[\d.]+) writeUnits=(?<w>[\d.]+) " +
            @"sqsRequests=(?<q>[\d.]+) standardPerMillion=(?<s>[\d.]+) expressPerMillion=(?<e>[\d.]+)");
        Assert.True(cost.Success, cli.Output);
        double F(string name) => double.Parse(cost.Groups[name].Value, CultureInfo.InvariantCulture);
        Assert.Equal(10.0, F("t"));
        Assert.True(F("l") >= 6.0, cli.Output);
        Assert.Equal(7.0, F("w"));
        Assert.True(F("q") > 0 && F("s") > F("e"), cli.Output);
    }
}
