using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SQS;

namespace StepFunctionsCqrs.LocalCloud.Metering;

/// <summary>
/// One step of an SDK client's pipeline: makes DynamoDB requests ask for their consumed capacity (while a meter is
/// registered) and, once the request was sent, counts it for the meter of its endpoint and access key.
/// </summary>
/// <remarks>
/// dynalite computes capacity from item sizes as DynamoDB does (writes per 1 KB, reads per 4 KB, half for an eventually
/// consistent read), with two gaps this step closes as DynamoDB bills them: a write refused by its condition reports no
/// capacity but DynamoDB still charges for it (at least one write unit: one is counted), and a Query or Scan that finds
/// nothing reports 0 where DynamoDB charges its minimum read (one unit, half when eventually consistent).
/// </remarks>
public sealed class MeteringPipelineHandler : PipelineHandler
{
    /// <inheritdoc />
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var original = executionContext.RequestContext.OriginalRequest;
        if (original is AmazonDynamoDBRequest dynamoDbRequest && SdkMetering.Active)
        {
            AskForCapacity(dynamoDbRequest);
        }

        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            Record(executionContext, response, conditionalCheckFailed: false);
            return response;
        }
        catch (ConditionalCheckFailedException)
        {
            Record(executionContext, null, conditionalCheckFailed: true);
            throw;
        }
        catch (AmazonServiceException)
        {
            // A request the service answered with an error was still a request (SQS bills it); DynamoDB bills no capacity for it.
            Record(executionContext, null, conditionalCheckFailed: false);
            throw;
        }
    }

    private static void AskForCapacity(AmazonDynamoDBRequest request)
    {
        switch (request)
        {
            case GetItemRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case PutItemRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case UpdateItemRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case DeleteItemRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case QueryRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case ScanRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case BatchGetItemRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
            case BatchWriteItemRequest r: r.ReturnConsumedCapacity ??= ReturnConsumedCapacity.TOTAL; break;
        }
    }

    private static void Record(IExecutionContext executionContext, AmazonWebServiceResponse? response, bool conditionalCheckFailed)
    {
        var request = executionContext.RequestContext.Request;
        if (SdkMetering.MeterFor(request?.Endpoint, AccessKeyOf(request)) is not { } meter)
        {
            return;
        }

        switch (executionContext.RequestContext.OriginalRequest)
        {
            case AmazonDynamoDBRequest dynamoDbRequest:
                RecordDynamoDb(meter, dynamoDbRequest, response, conditionalCheckFailed);
                break;
            case AmazonSQSRequest sqsRequest:
                meter.RecordSqs(OperationOf(sqsRequest));
                break;
        }
    }

    private static void RecordDynamoDb(ServiceMeter meter, AmazonDynamoDBRequest request, AmazonWebServiceResponse? response, bool conditionalCheckFailed)
    {
        double Units(ConsumedCapacity? capacity) => capacity?.CapacityUnits ?? 0;
        double MinimumRead(bool? consistent) => consistent == true ? 1 : 0.5;
        switch (request)
        {
            case GetItemRequest r:
                meter.RecordDynamoDb(r.TableName, Units((response as GetItemResponse)?.ConsumedCapacity), 0, false);
                break;
            case QueryRequest r:
                meter.RecordDynamoDb(r.TableName, Math.Max(Units((response as QueryResponse)?.ConsumedCapacity), response is null ? 0 : MinimumRead(r.ConsistentRead)), 0, false);
                break;
            case ScanRequest r:
                meter.RecordDynamoDb(r.TableName, Math.Max(Units((response as ScanResponse)?.ConsumedCapacity), response is null ? 0 : MinimumRead(r.ConsistentRead)), 0, false);
                break;
            case PutItemRequest r:
                meter.RecordDynamoDb(r.TableName, 0, conditionalCheckFailed ? 1 : Units((response as PutItemResponse)?.ConsumedCapacity), conditionalCheckFailed);
                break;
            case UpdateItemRequest r:
                meter.RecordDynamoDb(r.TableName, 0, conditionalCheckFailed ? 1 : Units((response as UpdateItemResponse)?.ConsumedCapacity), conditionalCheckFailed);
                break;
            case DeleteItemRequest r:
                meter.RecordDynamoDb(r.TableName, 0, conditionalCheckFailed ? 1 : Units((response as DeleteItemResponse)?.ConsumedCapacity), conditionalCheckFailed);
                break;
            case BatchGetItemRequest:
                foreach (var capacity in (response as BatchGetItemResponse)?.ConsumedCapacity ?? [])
                {
                    meter.RecordDynamoDb(capacity.TableName, Units(capacity), 0, false);
                }

                break;
            case BatchWriteItemRequest:
                foreach (var capacity in (response as BatchWriteItemResponse)?.ConsumedCapacity ?? [])
                {
                    meter.RecordDynamoDb(capacity.TableName, 0, Units(capacity), false);
                }

                break;
        }
    }

    // "PutItemRequest" → "PutItem".
    private static string OperationOf(AmazonWebServiceRequest request)
    {
        var name = request.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }

    // The key id in "AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, ...".
    private static string? AccessKeyOf(IRequest? request)
    {
        if (request?.Headers is null || !request.Headers.TryGetValue("Authorization", out var authorization))
        {
            return null;
        }

        const string marker = "Credential=";
        var start = authorization.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = authorization.IndexOf('/', start);
        return end < 0 ? null : authorization[start..end];
    }
}
