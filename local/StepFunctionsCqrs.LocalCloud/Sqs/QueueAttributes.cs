using System.Globalization;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>The settable queue attributes: their defaults, their allowed ranges, and how a request's values merge into a queue's.</summary>
internal static class QueueAttributes
{
    public const string VisibilityTimeout = "VisibilityTimeout";
    public const string DelaySeconds = "DelaySeconds";
    public const string MaximumMessageSize = "MaximumMessageSize";
    public const string MessageRetentionPeriod = "MessageRetentionPeriod";
    public const string ReceiveMessageWaitTimeSeconds = "ReceiveMessageWaitTimeSeconds";
    public const string RedrivePolicy = "RedrivePolicy";

    private static readonly Dictionary<string, (int Min, int Max, int Default)> Ranges = new(StringComparer.Ordinal)
    {
        [VisibilityTimeout] = (0, 43_200, 30),
        [DelaySeconds] = (0, 900, 0),
        [MaximumMessageSize] = (1_024, 1_048_576, 1_048_576),
        [MessageRetentionPeriod] = (60, 1_209_600, 345_600),
        [ReceiveMessageWaitTimeSeconds] = (0, 20, 0),
    };

    // Accepted and reported back unchanged; the local cloud does not act on them.
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "Policy", "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled",
    };

    /// <summary>The attributes of a queue created without any.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } =
        Ranges.ToDictionary(r => r.Key, r => r.Value.Default.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>
    /// Validates <paramref name="requested"/> and merges it over <paramref name="current"/>. An empty RedrivePolicy
    /// removes the policy. The dead-letter target must name an existing queue other than this one.
    /// </summary>
    public static Dictionary<string, string> Merge(
        IReadOnlyDictionary<string, string> current,
        IReadOnlyDictionary<string, string>? requested,
        string queueArn,
        Func<string, bool> queueArnExists)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (name, value) in requested ?? new Dictionary<string, string>())
        {
            if (Ranges.TryGetValue(name, out var range))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < range.Min || number > range.Max)
                {
                    throw new SqsError(SqsErrorCodes.InvalidAttributeValue,
                        $"Invalid value for the parameter {name}: '{value}'. It must be an integer from {range.Min} to {range.Max}.");
                }

                merged[name] = number.ToString(CultureInfo.InvariantCulture);
            }
            else if (name == RedrivePolicy)
            {
                if (string.IsNullOrEmpty(value))
                {
                    merged.Remove(name);
                    continue;
                }

                var policy = Sqs.RedrivePolicy.Parse(value);
                if (policy.DeadLetterTargetArn == queueArn)
                {
                    throw new SqsError(SqsErrorCodes.InvalidAttributeValue,
                        $"Value {value} for parameter RedrivePolicy is invalid. Reason: a queue cannot be its own dead-letter queue.");
                }

                if (!queueArnExists(policy.DeadLetterTargetArn))
                {
                    throw new SqsError(SqsErrorCodes.InvalidAttributeValue,
                        $"Value {value} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist: {policy.DeadLetterTargetArn}.");
                }

                merged[name] = policy.ToJson();
            }
            else if (name is "FifoQueue" or "ContentBasedDeduplication" or "DeduplicationScope" or "FifoThroughputLimit")
            {
                throw new SqsError(SqsErrorCodes.InvalidAttributeName,
                    $"Attribute {name} is for FIFO queues, which the local cloud does not offer; use a standard queue.");
            }
            else if (PassThrough.Contains(name))
            {
                merged[name] = value;
            }
            else
            {
                throw new SqsError(SqsErrorCodes.InvalidAttributeName, $"Unknown Attribute {name}.");
            }
        }

        return merged;
    }

    /// <summary>An integer attribute of a queue, falling back to its default.</summary>
    public static int Int(IReadOnlyDictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : Ranges[name].Default;
}
