using System.Text.Json.Serialization;

namespace StepFunctionsCqrs.Functions.Sqs;

/// <summary>Lambda's partial batch response: the messages SQS should deliver again (needs ReportBatchItemFailures on the mapping).</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);

/// <summary>One message to deliver again, by message id.</summary>
public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
