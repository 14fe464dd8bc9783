using System.Globalization;
using System.Text.Json;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>The RedrivePolicy queue attribute: the dead-letter queue's ARN and how many receives a message gets first.</summary>
internal sealed record RedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount)
{
    /// <summary>Parses the attribute's JSON; SDKs send maxReceiveCount as a number or a string, both are accepted.</summary>
    public static RedrivePolicy Parse(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            throw Invalid(json, "Redrive policy is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(json, "Redrive policy must be a JSON object.");
        }

        var arn = root.TryGetProperty("deadLetterTargetArn", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (string.IsNullOrWhiteSpace(arn))
        {
            throw Invalid(json, "Redrive policy does not contain deadLetterTargetArn.");
        }

        int? count = null;
        if (root.TryGetProperty("maxReceiveCount", out var c))
        {
            count = c.ValueKind switch
            {
                JsonValueKind.Number when c.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(c.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => null,
            };
        }

        if (count is not (>= 1 and <= 1000))
        {
            throw Invalid(json, "maxReceiveCount must be an integer between 1 and 1000.");
        }

        return new RedrivePolicy(arn, count.Value);
    }

    /// <summary>The attribute value as SQS reports it.</summary>
    public string ToJson() =>
        $$"""{"deadLetterTargetArn":{{JsonSerializer.Serialize(DeadLetterTargetArn, SqsJsonContext.Default.String)}},"maxReceiveCount":{{MaxReceiveCount}}}""";

    private static SqsError Invalid(string value, string reason) =>
        new(SqsErrorCodes.InvalidAttributeValue, $"Value {value} for parameter RedrivePolicy is invalid. Reason: {reason}");
}
