using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StepFunctionsCqrs.Functions.Errors;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

/// <summary>Turns DynamoDB's retryable failures into <see cref="TransientStoreError"/>, the name the workflow retries on.</summary>
internal static class StoreErrors
{
    public static async Task<T> TranslateAsync<T>(string table, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new TransientStoreError($"Table {table} is temporarily unavailable: {e.GetType().Name}: {e.Message}", e);
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
