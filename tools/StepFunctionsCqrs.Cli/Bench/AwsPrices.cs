namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// On-demand list prices in US East (N. Virginia), USD, first pricing tier, free tiers left out (they do not scale with
/// volume). Each figure names the page it was read from; all were read on <see cref="AsOf"/>. Prices change: check the
/// pages before quoting a figure.
/// </summary>
public static class AwsPrices
{
    /// <summary>The day the figures below were read.</summary>
    public static readonly DateOnly AsOf = new(2026, 12, 3);

    /// <summary>The region the figures are for.</summary>
    public const string Region = "us-east-1";

    /// <summary>
    /// Step Functions Standard, per state transition: $0.025 per 1,000 ("AWS Step Functions Pricing",
    /// https://aws.amazon.com/step-functions/pricing/). Each retry is charged as a further transition.
    /// </summary>
    public const double StandardPerStateTransition = 0.025 / 1_000;

    /// <summary>Step Functions Express, per request (execution started): $1.00 per million (same page).</summary>
    public const double ExpressPerRequest = 1.00 / 1_000_000;

    /// <summary>
    /// Step Functions Express, per GB-second of duration: $0.06000 per GB-hour for the first 1,000 GB-hours a month (same
    /// page; later tiers are cheaper). Duration is rounded up to 100 ms and memory billed in 64 MB chunks.
    /// </summary>
    public const double ExpressPerGbSecond = 0.06 / 3_600;

    /// <summary>Express bills duration in steps of this much.</summary>
    public static readonly TimeSpan ExpressDurationStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The memory an Express execution of this pipeline is billed for: the pricing page estimates it as 50 MB + the
    /// definition's size + the payload size times the Parallel or Map steps; the definition is under 100 KB and each
    /// payload under 256 KiB (the service's limit) across three branches, so every execution fits the first 64 MB chunk.
    /// </summary>
    public const int ExpressBilledMemoryMb = 64;

    /// <summary>Lambda, per request: $0.20 per million ("AWS Lambda Pricing", https://aws.amazon.com/lambda/pricing/).</summary>
    public const double LambdaPerRequest = 0.20 / 1_000_000;

    /// <summary>
    /// Lambda on Arm (the architecture the CDK app deploys), per GB-second: $0.0000133334 for the first 7.5 billion
    /// GB-seconds a month (same page; x86 is $0.0000166667).
    /// </summary>
    public const double LambdaArmPerGbSecond = 0.0000133334;

    /// <summary>
    /// DynamoDB on-demand, per write request unit: $0.625 per million ("Amazon DynamoDB pricing for on-demand capacity",
    /// https://aws.amazon.com/dynamodb/pricing/on-demand/, after the price cut of November 2024).
    /// </summary>
    public const double DynamoDbPerWriteRequestUnit = 0.625 / 1_000_000;

    /// <summary>DynamoDB on-demand, per read request unit: $0.125 per million (same page).</summary>
    public const double DynamoDbPerReadRequestUnit = 0.125 / 1_000_000;

    /// <summary>
    /// SQS standard queue, per request (each 64 KB chunk of a payload is one): $0.40 per million for the first 100 billion
    /// a month ("Amazon SQS pricing", https://aws.amazon.com/sqs/pricing/).
    /// </summary>
    public const double SqsPerRequest = 0.40 / 1_000_000;
}
