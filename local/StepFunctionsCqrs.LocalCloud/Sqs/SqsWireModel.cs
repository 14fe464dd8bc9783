using System.Text.Json.Serialization;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

// The request and response bodies of the SQS JSON protocol, named as on the wire (PascalCase), kept
// together because they are one schema.

/// <summary>CreateQueue request.</summary>
public sealed record CreateQueueRequest(string? QueueName, Dictionary<string, string>? Attributes, [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

/// <summary>A response carrying one queue URL (CreateQueue, GetQueueUrl).</summary>
public sealed record QueueUrlResponse(string QueueUrl);

/// <summary>GetQueueUrl request.</summary>
public sealed record GetQueueUrlRequest(string? QueueName, string? QueueOwnerAWSAccountId);

/// <summary>ListQueues request.</summary>
public sealed record ListQueuesRequest(string? QueueNamePrefix, int? MaxResults, string? NextToken);

/// <summary>A page of queue URLs (ListQueues).</summary>
public sealed record QueueUrlsResponse([property: JsonPropertyName("QueueUrls")] List<string> QueueUrls, string? NextToken);

/// <summary>ListDeadLetterSourceQueues response; unlike ListQueues its list is spelled in camelCase on the wire.</summary>
public sealed record DeadLetterSourceQueuesResponse([property: JsonPropertyName("queueUrls")] List<string> QueueUrls, string? NextToken);

/// <summary>A request naming only a queue (DeleteQueue, PurgeQueue, ListDeadLetterSourceQueues).</summary>
public sealed record QueueRequest(string? QueueUrl);

/// <summary>GetQueueAttributes request.</summary>
public sealed record GetQueueAttributesRequest(string? QueueUrl, List<string>? AttributeNames);

/// <summary>GetQueueAttributes response.</summary>
public sealed record GetQueueAttributesResponse(Dictionary<string, string> Attributes);

/// <summary>SetQueueAttributes request.</summary>
public sealed record SetQueueAttributesRequest(string? QueueUrl, Dictionary<string, string>? Attributes);

/// <summary>SendMessage request.</summary>
public sealed record SendMessageRequest(
    string? QueueUrl,
    string? MessageBody,
    int? DelaySeconds,
    Dictionary<string, MessageAttributeValue>? MessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageSystemAttributes,
    string? MessageDeduplicationId,
    string? MessageGroupId);

/// <summary>SendMessage response.</summary>
public sealed record SendMessageResponse(
    string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes, string? MD5OfMessageSystemAttributes);

/// <summary>One entry of SendMessageBatch.</summary>
public sealed record SendMessageBatchRequestEntry(
    string? Id,
    string? MessageBody,
    int? DelaySeconds,
    Dictionary<string, MessageAttributeValue>? MessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageSystemAttributes,
    string? MessageDeduplicationId,
    string? MessageGroupId);

/// <summary>SendMessageBatch request.</summary>
public sealed record SendMessageBatchRequest(string? QueueUrl, List<SendMessageBatchRequestEntry>? Entries);

/// <summary>One sent entry of SendMessageBatch.</summary>
public sealed record SendMessageBatchResultEntry(
    string Id, string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes, string? MD5OfMessageSystemAttributes);

/// <summary>SendMessageBatch response.</summary>
public sealed record SendMessageBatchResponse(List<SendMessageBatchResultEntry> Successful, List<BatchResultErrorEntry> Failed);

/// <summary>One failed entry of a batch.</summary>
public sealed record BatchResultErrorEntry(string Id, bool SenderFault, string Code, string Message);

/// <summary>One succeeded entry of a delete or visibility batch.</summary>
public sealed record BatchResultEntry(string Id);

/// <summary>DeleteMessageBatch and ChangeMessageVisibilityBatch response.</summary>
public sealed record BatchResponse(List<BatchResultEntry> Successful, List<BatchResultErrorEntry> Failed);

/// <summary>ReceiveMessage request.</summary>
public sealed record ReceiveMessageRequest(
    string? QueueUrl,
    List<string>? AttributeNames,
    List<string>? MessageSystemAttributeNames,
    List<string>? MessageAttributeNames,
    int? MaxNumberOfMessages,
    int? VisibilityTimeout,
    int? WaitTimeSeconds,
    string? ReceiveRequestAttemptId);

/// <summary>ReceiveMessage response.</summary>
public sealed record ReceiveMessageResponse(List<ReceivedMessage> Messages);

/// <summary>One received message.</summary>
public sealed record ReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string MD5OfBody,
    string Body,
    Dictionary<string, string>? Attributes,
    string? MD5OfMessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageAttributes);

/// <summary>DeleteMessage request.</summary>
public sealed record DeleteMessageRequest(string? QueueUrl, string? ReceiptHandle);

/// <summary>One entry of DeleteMessageBatch.</summary>
public sealed record DeleteMessageBatchRequestEntry(string? Id, string? ReceiptHandle);

/// <summary>DeleteMessageBatch request.</summary>
public sealed record DeleteMessageBatchRequest(string? QueueUrl, List<DeleteMessageBatchRequestEntry>? Entries);

/// <summary>ChangeMessageVisibility request.</summary>
public sealed record ChangeMessageVisibilityRequest(string? QueueUrl, string? ReceiptHandle, int? VisibilityTimeout);

/// <summary>One entry of ChangeMessageVisibilityBatch.</summary>
public sealed record ChangeMessageVisibilityBatchRequestEntry(string? Id, string? ReceiptHandle, int? VisibilityTimeout);

/// <summary>ChangeMessageVisibilityBatch request.</summary>
public sealed record ChangeMessageVisibilityBatchRequest(string? QueueUrl, List<ChangeMessageVisibilityBatchRequestEntry>? Entries);

/// <summary>StartMessageMoveTask request.</summary>
public sealed record StartMessageMoveTaskRequest(string? SourceArn, string? DestinationArn, int? MaxNumberOfMessagesPerSecond);

/// <summary>StartMessageMoveTask response.</summary>
public sealed record StartMessageMoveTaskResponse(string TaskHandle);

/// <summary>ListMessageMoveTasks request.</summary>
public sealed record ListMessageMoveTasksRequest(string? SourceArn, int? MaxResults);

/// <summary>ListMessageMoveTasks response.</summary>
public sealed record ListMessageMoveTasksResponse(List<MessageMoveTaskResult> Results);

/// <summary>One move task as ListMessageMoveTasks reports it.</summary>
public sealed record MessageMoveTaskResult(
    string TaskHandle,
    string Status,
    string SourceArn,
    string? DestinationArn,
    long ApproximateNumberOfMessagesMoved,
    long ApproximateNumberOfMessagesToMove,
    string? FailureReason,
    long StartedTimestamp);

/// <summary>The body of operations that answer nothing.</summary>
public sealed record EmptyResponse;

/// <summary>The body of an error response.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("__type")] string Type, [property: JsonPropertyName("message")] string Message);

