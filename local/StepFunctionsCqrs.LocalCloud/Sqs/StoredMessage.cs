namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>A message as stored, with its delivery bookkeeping (times in epoch milliseconds).</summary>
internal sealed record StoredMessage(
    string MessageId,
    string Body,
    string BodyMd5,
    IReadOnlyDictionary<string, MessageAttributeValue>? Attributes,
    IReadOnlyDictionary<string, MessageAttributeValue>? SystemAttributes,
    string SenderId,
    long SentMs,
    long VisibleMs,
    int ReceiveCount,
    long? FirstReceiveMs,
    string? Receipt);
