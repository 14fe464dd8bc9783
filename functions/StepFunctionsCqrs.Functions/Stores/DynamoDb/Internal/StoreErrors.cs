using System.Diagnostics;
using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

/// <summary>
/// Every DynamoDB call the stores make: a client span beneath the handler's, named after the operation, and DynamoDB's
/// retryable failures turned into <see cref="TransientStoreError"/>, the name the workflow retries on.
/// </summary>
internal static class StoreErrors
{
    public static async Task<T> TranslateAsync<T>(string table, Func<Task<T>> call, CancellationToken cancellationToken, string? operation = null)
    {
        // The response type names the operation unless the caller does: PutItemResponse is a PutItem.
        var commandId = Activity.Current?.GetTagItem(PipelineTrace.CommandIdTag);
        using var span = PipelineTrace.Source.StartActivity($"DynamoDB.{operation ?? typeof(T).Name.Replace("Response", "", StringComparison.Ordinal)}", ActivityKind.Client);
        span?.SetTag("db.system", "dynamodb");
        span?.SetTag("aws.dynamodb.table_names", table);
        span?.SetTag(PipelineTrace.CommandIdTag, commandId);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw new TransientStoreError($"Table {table} is temporarily unavailable: {e.GetType().Name}: {e.Message}", e);
        }
        catch (Exception e)
        {
            // A refused condition is an answer, not a fault of the call; the span says which it was.
            span?.SetTag("error.type", e.GetType().Name);
            throw;
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException => true,
        AmazonServiceException s when s.ErrorCode is "ThrottlingException" or "ServiceUnavailable" => true,
        AmazonServiceException s when (int)s.StatusCode >= 500 => true,
        AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        HttpRequestException => true,
        TaskCanceledException when !cancellationToken.IsCancellationRequested => true,
        _ => false,
    };
}
