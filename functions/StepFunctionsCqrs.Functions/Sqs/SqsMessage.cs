using System.Globalization;

namespace StepFunctionsCqrs.Functions.Sqs;

/// <summary>
/// One message in Lambda's SQS event; <see cref="Attributes"/> holds system attributes such as SenderId, as strings,
/// and <see cref="MessageAttributes"/> the attributes its sender set.
/// </summary>
public sealed record SqsMessage(
    string MessageId,
    string? Body,
    IReadOnlyDictionary<string, string>? Attributes,
    string? EventSourceArn,
    IReadOnlyDictionary<string, SqsMessageAttribute>? MessageAttributes = null)
{
    /// <summary>A system attribute, or null when absent.</summary>
    public string? Attribute(string name) => Attributes?.GetValueOrDefault(name);

    /// <summary>How many times SQS has delivered the message (ApproximateReceiveCount), 1 when it does not say.</summary>
    public int ReceiveCount =>
        int.TryParse(Attribute("ApproximateReceiveCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1;

    /// <summary>A message attribute's string value, or null when absent or empty.</summary>
    public string? MessageAttribute(string name) =>
        MessageAttributes?.GetValueOrDefault(name)?.StringValue is { Length: > 0 } value ? value : null;
}
