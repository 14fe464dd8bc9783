using System.Text.Json.Serialization;

namespace StepFunctionsCqrs.Functions.Sqs;

/// <summary>The event Lambda's SQS event source mapping delivers: a batch of messages.</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage>? Records);
