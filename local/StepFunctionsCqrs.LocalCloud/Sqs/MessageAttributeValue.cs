namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>A message (or message system) attribute as the SQS JSON protocol carries it.</summary>
public sealed record MessageAttributeValue
{
    /// <summary>String, Number or Binary, optionally followed by a custom suffix (<c>Number.int</c>).</summary>
    public string? DataType { get; init; }

    /// <summary>The value of a String or Number attribute.</summary>
    public string? StringValue { get; init; }

    /// <summary>The value of a Binary attribute (base64 on the wire).</summary>
    public byte[]? BinaryValue { get; init; }

    /// <summary>Reserved by SQS; accepted and kept for round-tripping.</summary>
    public List<string>? StringListValues { get; init; }

    /// <summary>Reserved by SQS; accepted and kept for round-tripping.</summary>
    public List<byte[]>? BinaryListValues { get; init; }
}
