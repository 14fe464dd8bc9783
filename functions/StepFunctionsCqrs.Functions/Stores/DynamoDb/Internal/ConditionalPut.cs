using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

/// <summary>A PutItem whose condition failing is an answer, not an error: first writes, version guards and claims.</summary>
internal static class ConditionalPut
{
    /// <summary>Puts the item; returns false when its condition did not hold, and translates store failures like every other call.</summary>
    public static Task<bool> TryAsync(IAmazonDynamoDB dynamoDb, PutItemRequest request, CancellationToken cancellationToken) =>
        StoreErrors.TranslateAsync(request.TableName, async () =>
        {
            try
            {
                await dynamoDb.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                return false;
            }
        }, cancellationToken, operation: "PutItem");
}
