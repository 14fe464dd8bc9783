using System.Text.RegularExpressions;
using Spectre.Console;
using StepFunctionsCqrs.Cli.Bench;

namespace StepFunctionsCqrs.Cli.Tests.Bench;

public sealed class CostModelTests
{
    // A run like the spread bench's: ten transitions, one invocation of each task plus a tenth of a Dispatch, seven
    // one-kilobyte conditional writes, an SQS send per ten commands plus a receive and a delete per batch.
    private static readonly CommandUsage Run = new(
        SampledExecutions: 200,
        StateTransitions: 10,
        Invocations: new Dictionary<string, double>
        {
            ["Dispatch"] = 0.1, ["Validate"] = 1, ["Persist"] = 1, ["ProjectAvailability"] = 1, ["ProjectGuestBookings"] = 1, ["ProjectArrivals"] = 1, ["RecordStatus"] = 1,
        },
        // 100 ms at 512 MB (0.05 GB-s) and 5 × 20 ms at 256 MB (0.025 GB-s).
        BilledMilliseconds: new Dictionary<string, double>
        {
            ["Persist"] = 100, ["Validate"] = 20, ["ProjectAvailability"] = 20, ["ProjectGuestBookings"] = 20, ["ProjectArrivals"] = 20, ["RecordStatus"] = 20,
        },
        ExpressBilledSeconds: 0.4,
        DynamoDb: new DynamoDbUsage(ReadUnits: 2, WriteUnits: 7, Requests: 9, ConditionalCheckFailures: 0),
        SqsRequests: 0.3);

    [Fact]
    public void A_known_run_costs_the_list_prices_times_its_usage()
    {
        var cost = CostModel.PerMillion(Run);

        Assert.Equal(250.0, cost.StateTransitions, 6);          // 10 × $0.025 per 1,000
        Assert.Equal(1.0, cost.ExpressRequests, 6);             // $1.00 per million
        Assert.Equal(0.4 * 64 / 1024.0 * 0.06 / 3600 * 1e6, cost.ExpressDuration, 6);  // 0.4 s × 1/16 GB at $0.06 per GB-hour: $0.42
        Assert.Equal(6.1 * 0.20, cost.LambdaRequests, 6);       // $0.20 per million requests
        Assert.Equal(0.075 * 0.0000133334 * 1e6, cost.LambdaDuration, 6);  // 0.075 GB-s on Arm: $1.00
        Assert.Equal(2 * 0.125, cost.DynamoDbReads!.Value, 6);  // $0.125 per million read units
        Assert.Equal(7 * 0.625, cost.DynamoDbWrites!.Value, 6); // $0.625 per million write units
        Assert.Equal(0.3 * 0.40, cost.Sqs!.Value, 6);           // $0.40 per million requests
        Assert.Equal(250 + cost.Shared, cost.Standard, 6);
        Assert.Equal(1 + cost.ExpressDuration + cost.Shared, cost.Express, 6);
        Assert.Equal(1.22 + 1.00001 + 0.25 + 4.375 + 0.12, cost.Shared, 4);
    }

    [Fact]
    public void A_hundred_commands_a_second_of_ten_transitions_use_a_third_of_StartExecution_and_two_thirds_of_the_transitions()
    {
        var share = CostModel.QuotaShareAt(100, Run);

        Assert.Equal(100 / 300.0, share.StandardStartExecution, 6);
        Assert.Equal(1_000 / 1_500.0, share.StandardStateTransitions, 6);
        Assert.Equal(100 / 6_000.0, share.ExpressStartExecution, 6);
        Assert.Equal(150, CostModel.StandardCommandsPerSecondBound(Run), 6);
    }

    [Fact]
    public void Without_a_meter_DynamoDB_and_SQS_are_reported_as_not_measured_rather_than_free()
    {
        var cost = CostModel.PerMillion(Run with { DynamoDb = null, SqsRequests = null });

        Assert.Null(cost.DynamoDbWrites);
        Assert.Null(cost.Sqs);
        var (console, _) = Render(Run with { DynamoDb = null, SqsRequests = null }, 50);
        Assert.Contains("not measured", console, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_usage_cost_per_million_and_quota_shares_and_a_line_to_parse()
    {
        var (console, output) = Render(Run, 75);

        Assert.Contains("state transitions (Standard)", console, StringComparison.Ordinal);
        Assert.Contains("USD per million commands", console, StringComparison.Ordinal);
        Assert.Contains("$250.00", console, StringComparison.Ordinal);
        Assert.Contains("Standard StartExecution (300/s)", console, StringComparison.Ordinal);
        Assert.Contains("33.3%", console, StringComparison.Ordinal);   // 100/s of 300/s
        Assert.Contains("25.0%", console, StringComparison.Ordinal);   // 75/s measured
        Assert.Contains("150 commands/s sustained", console, StringComparison.Ordinal);
        var line = Regex.Match(output, @"bench-cost sampled=200 transitions=10\.00 lambdaInvocations=6\.10 .* writeUnits=7\.00 sqsRequests=0\.30 standardPerMillion=(?<s>[\d.]+) expressPerMillion=(?<e>[\d.]+)");
        Assert.True(line.Success, output);
        Assert.Equal("256.97", line.Groups["s"].Value);
    }

    private static (string Console, string Output) Render(CommandUsage usage, double measuredRate)
    {
        var console = new StringWriter();
        var output = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 240;
        UsageReport.Write(ansi, output, usage, measuredRate);
        return (console.ToString(), output.ToString());
    }
}
