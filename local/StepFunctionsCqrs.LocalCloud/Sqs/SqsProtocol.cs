using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.LocalCloud.Edge;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>
/// SQS over the AWS JSON 1.0 protocol as AWSSDK.SQS 4.x sends it: <c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>,
/// a JSON body, JSON answers; errors carry <c>__type</c>, <c>message</c> and the legacy code in <c>x-amzn-query-error</c>.
/// </summary>
internal sealed class SqsProtocol(SqsOperations operations) : IAwsJsonService
{
    /// <summary>The X-Amz-Target prefix of every SQS operation.</summary>
    public const string Prefix = "AmazonSQS.";

    /// <summary>What SQS writes before an error code in <c>__type</c>.</summary>
    public const string ErrorNamespace = "com.amazonaws.sqs#";

    private const string ContentType = "application/x-amz-json-1.0";

    private static readonly SqsJsonContext Json = SqsJsonContext.Default;

    public string TargetPrefix => Prefix;

    public async Task HandleAsync(HttpContext context, string operation)
    {
        var ct = context.RequestAborted;
        byte[] payload;
        try
        {
            var caller = AwsCaller.From(context.Request)
                ?? throw new SqsError(SqsErrorCodes.MissingAuthenticationToken,
                    "Request is missing a SigV4 Authentication Token; SenderId comes from its access key.", HttpStatusCode.Forbidden);
            var sqsCaller = new SqsCaller(caller.BaseUrl, caller.AccessKey);
            var body = await ReadBodyAsync(context.Request, ct);
            payload = await DispatchAsync(operation, body, sqsCaller, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller hung up (typically during a long poll); there is no one to answer.
            return;
        }
        catch (SqsError error)
        {
            await WriteErrorAsync(context, error);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.Body.WriteAsync(payload, ct);
    }

    private async Task<byte[]> DispatchAsync(string operation, byte[] body, SqsCaller caller, CancellationToken ct) => operation switch
    {
        "CreateQueue" => Write(await operations.CreateQueueAsync(Read(body, Json.CreateQueueRequest), caller, ct), Json.QueueUrlResponse),
        "GetQueueUrl" => Write(await operations.GetQueueUrlAsync(Read(body, Json.GetQueueUrlRequest), caller, ct), Json.QueueUrlResponse),
        "ListQueues" => Write(await operations.ListQueuesAsync(Read(body, Json.ListQueuesRequest), caller, ct), Json.QueueUrlsResponse),
        "DeleteQueue" => Write(await operations.DeleteQueueAsync(Read(body, Json.QueueRequest), ct), Json.EmptyResponse),
        "GetQueueAttributes" => Write(await operations.GetQueueAttributesAsync(Read(body, Json.GetQueueAttributesRequest), ct), Json.GetQueueAttributesResponse),
        "SetQueueAttributes" => Write(await operations.SetQueueAttributesAsync(Read(body, Json.SetQueueAttributesRequest), ct), Json.EmptyResponse),
        "SendMessage" => Write(await operations.SendMessageAsync(Read(body, Json.SendMessageRequest), caller, ct), Json.SendMessageResponse),
        "SendMessageBatch" => Write(await operations.SendMessageBatchAsync(Read(body, Json.SendMessageBatchRequest), caller, ct), Json.SendMessageBatchResponse),
        "ReceiveMessage" => Write(await operations.ReceiveMessageAsync(Read(body, Json.ReceiveMessageRequest), ct), Json.ReceiveMessageResponse),
        "DeleteMessage" => Write(await operations.DeleteMessageAsync(Read(body, Json.DeleteMessageRequest), ct), Json.EmptyResponse),
        "DeleteMessageBatch" => Write(await operations.DeleteMessageBatchAsync(Read(body, Json.DeleteMessageBatchRequest), ct), Json.BatchResponse),
        "ChangeMessageVisibility" => Write(await operations.ChangeMessageVisibilityAsync(Read(body, Json.ChangeMessageVisibilityRequest), ct), Json.EmptyResponse),
        "ChangeMessageVisibilityBatch" => Write(
            await operations.ChangeMessageVisibilityBatchAsync(Read(body, Json.ChangeMessageVisibilityBatchRequest), ct), Json.BatchResponse),
        "PurgeQueue" => Write(await operations.PurgeQueueAsync(Read(body, Json.QueueRequest), ct), Json.EmptyResponse),
        "ListDeadLetterSourceQueues" => Write(
            await operations.ListDeadLetterSourceQueuesAsync(Read(body, Json.QueueRequest), caller, ct), Json.DeadLetterSourceQueuesResponse),
        "StartMessageMoveTask" => Write(
            await operations.StartMessageMoveTaskAsync(Read(body, Json.StartMessageMoveTaskRequest), ct), Json.StartMessageMoveTaskResponse),
        "ListMessageMoveTasks" => Write(
            await operations.ListMessageMoveTasksAsync(Read(body, Json.ListMessageMoveTasksRequest), ct), Json.ListMessageMoveTasksResponse),
        _ => throw new SqsError(SqsErrorCodes.UnsupportedOperation, $"The local cloud's SQS does not offer the operation '{operation}'."),
    };

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body, type)
                ?? throw new SqsError(SqsErrorCodes.SerializationException, $"The request body must be a JSON object ({type.Type.Name}), not null.");
        }
        catch (JsonException exception)
        {
            throw new SqsError(SqsErrorCodes.SerializationException,
                $"The request body is not a valid {type.Type.Name}: {exception.Message}");
        }
    }

    private static byte[] Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task WriteErrorAsync(HttpContext context, SqsError error)
    {
        context.Response.StatusCode = (int)error.Status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-query-error"] = $"{error.QueryCode};{(error.SenderFault ? "Sender" : "Receiver")}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new ErrorResponse(ErrorNamespace + error.Code, error.Message), Json.ErrorResponse);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
