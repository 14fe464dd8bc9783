namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// Default Step Functions throttling quotas (token buckets, per account and region) in US East (N. Virginia), US West
/// (Oregon) and Europe (Ireland), from "Quotas" in the AWS Step Functions Developer Guide (limits-overview, as published
/// in the guide's public source, github.com/awsdocs/aws-step-functions-developer-guide; the live page is
/// https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html), read on <see cref="AsOf"/>. They are soft
/// quotas: AWS raises them on request, and says new accounts start lower and are raised with use. A sustained rate is held
/// to the refill rate; the bucket only absorbs bursts.
/// </summary>
public static class StepFunctionsQuotas
{
    /// <summary>The day the figures below were read.</summary>
    public static readonly DateOnly AsOf = new(2026, 12, 3);

    /// <summary>StartExecution, Standard workflows: bucket of 1,300.</summary>
    public const int StandardStartExecutionBucket = 1_300;

    /// <summary>StartExecution, Standard workflows: refilled by 300 per second.</summary>
    public const int StandardStartExecutionPerSecond = 300;

    /// <summary>StartExecution, Express workflows: bucket of 6,000.</summary>
    public const int ExpressStartExecutionBucket = 6_000;

    /// <summary>StartExecution, Express workflows: refilled by 6,000 per second.</summary>
    public const int ExpressStartExecutionPerSecond = 6_000;

    /// <summary>State transitions, Standard workflows: bucket of 5,000 (Express transitions are not throttled).</summary>
    public const int StandardStateTransitionBucket = 5_000;

    /// <summary>State transitions, Standard workflows: refilled by 1,500 per second.</summary>
    public const int StandardStateTransitionsPerSecond = 1_500;
}
