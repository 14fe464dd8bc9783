namespace StepFunctionsCqrs.Functions.Sqs;

/// <summary>One message in Lambda's SQS event; <see cref="Attributes"/> holds system attributes such as SenderId, as strings.</summary>
public sealed record SqsMessage(string MessageId, string? Body, IReadOnlyDictionary<string, string>? Attributes, string? EventSourceArn)
{
    /// <summary>A system attribute, or null when absent.</summary>
    public string? Attribute(string name) => Attributes?.GetValueOrDefault(name);
}
