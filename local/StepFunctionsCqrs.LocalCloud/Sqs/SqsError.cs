using System.Net;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>
/// An SQS error as the JSON protocol reports it: the modeled code goes in <c>__type</c>, and the legacy
/// query-protocol code in the <c>x-amzn-query-error</c> header, which query-compatible SDKs read.
/// </summary>
public sealed class SqsError(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest) : Exception(message)
{
    /// <summary>The modeled error code, e.g. <c>QueueDoesNotExist</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The HTTP status of the error response.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>Whether the caller is at fault (4xx) rather than the service.</summary>
    public bool SenderFault => (int)Status < 500;

    /// <summary>The code the query protocol used for the same error, kept for SDKs that still expose it.</summary>
    public string QueryCode => Code switch
    {
        SqsErrorCodes.QueueDoesNotExist => "AWS.SimpleQueueService.NonExistentQueue",
        SqsErrorCodes.QueueNameExists => "QueueAlreadyExists",
        SqsErrorCodes.PurgeQueueInProgress or SqsErrorCodes.MessageNotInflight or SqsErrorCodes.BatchEntryIdsNotDistinct
            or SqsErrorCodes.EmptyBatchRequest or SqsErrorCodes.TooManyEntriesInBatchRequest or SqsErrorCodes.InvalidBatchEntryId
            or SqsErrorCodes.BatchRequestTooLong or SqsErrorCodes.UnsupportedOperation
            => "AWS.SimpleQueueService." + Code,
        _ => Code,
    };

    /// <summary>InvalidParameterValue naming the parameter, the value and why it was refused.</summary>
    public static SqsError InvalidParameter(string parameter, object? value, string reason) =>
        new(SqsErrorCodes.InvalidParameterValue, $"Value {value ?? "(empty)"} for parameter {parameter} is invalid. Reason: {reason}");

    /// <summary>MissingParameter naming the parameter.</summary>
    public static SqsError Missing(string parameter) =>
        new(SqsErrorCodes.MissingParameter, $"The request must contain the parameter {parameter}.");
}
