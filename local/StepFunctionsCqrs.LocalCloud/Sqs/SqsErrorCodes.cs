namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>The error codes SQS answers with; the modeled ones map to typed exceptions in the AWS SDKs.</summary>
public static class SqsErrorCodes
{
    /// <summary>The queue URL or name names no queue.</summary>
    public const string QueueDoesNotExist = "QueueDoesNotExist";

    /// <summary>A queue with this name exists with different attributes.</summary>
    public const string QueueNameExists = "QueueNameExists";

    /// <summary>The receipt handle is not one this service issued.</summary>
    public const string ReceiptHandleIsInvalid = "ReceiptHandleIsInvalid";

    /// <summary>The message is not in flight, so its visibility cannot change.</summary>
    public const string MessageNotInflight = "MessageNotInflight";

    /// <summary>A parameter has a value outside what the operation accepts.</summary>
    public const string InvalidParameterValue = "InvalidParameterValue";

    /// <summary>A required parameter is absent.</summary>
    public const string MissingParameter = "MissingParameter";

    /// <summary>A queue attribute name is unknown.</summary>
    public const string InvalidAttributeName = "InvalidAttributeName";

    /// <summary>A queue attribute value is out of range or malformed.</summary>
    public const string InvalidAttributeValue = "InvalidAttributeValue";

    /// <summary>The message body contains characters SQS does not allow.</summary>
    public const string InvalidMessageContents = "InvalidMessageContents";

    /// <summary>A batch has no entries.</summary>
    public const string EmptyBatchRequest = "EmptyBatchRequest";

    /// <summary>A batch has more than ten entries.</summary>
    public const string TooManyEntriesInBatchRequest = "TooManyEntriesInBatchRequest";

    /// <summary>Two batch entries share an id.</summary>
    public const string BatchEntryIdsNotDistinct = "BatchEntryIdsNotDistinct";

    /// <summary>A batch entry id has characters or a length SQS does not allow.</summary>
    public const string InvalidBatchEntryId = "InvalidBatchEntryId";

    /// <summary>The batch's messages together exceed the maximum message size.</summary>
    public const string BatchRequestTooLong = "BatchRequestTooLong";

    /// <summary>The queue was purged less than 60 seconds ago.</summary>
    public const string PurgeQueueInProgress = "PurgeQueueInProgress";

    /// <summary>The operation or option is not offered.</summary>
    public const string UnsupportedOperation = "UnsupportedOperation";

    /// <summary>The resource (a move task's source) does not exist.</summary>
    public const string ResourceNotFound = "ResourceNotFoundException";

    /// <summary>The request lacks a SigV4 Authorization header.</summary>
    public const string MissingAuthenticationToken = "MissingAuthenticationToken";

    /// <summary>The X-Amz-Target names no SQS operation.</summary>
    public const string UnknownOperation = "UnknownOperationException";

    /// <summary>The body is not the JSON the operation expects.</summary>
    public const string SerializationException = "SerializationException";
}
