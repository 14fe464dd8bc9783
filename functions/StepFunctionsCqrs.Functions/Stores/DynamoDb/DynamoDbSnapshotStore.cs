using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>
/// Snapshots in the commit log's table at pk <c>snapshot#&lt;aggregateId&gt;</c>, sk = version: Persist already holds
/// the grants, and the items sit beside the commits they summarize. Reads of the log (replay, the views) skip them.
/// </summary>
public sealed class DynamoDbSnapshotStore(IAmazonDynamoDB dynamoDb, string tableName) : ISnapshotStore
{
    /// <summary>The partition key prefix of snapshot items.</summary>
    public const string KeyPrefix = "snapshot#";

    /// <inheritdoc />
    public async Task<StoredSnapshot?> ReadLatestAsync(string aggregateId, long? atOrBefore, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = atOrBefore is null ? "AggregateId = :id" : "AggregateId = :id AND Version <= :at",
            ExpressionAttributeValues = atOrBefore is { } at
                ? new() { [":id"] = Attributes.S(KeyPrefix + aggregateId), [":at"] = Attributes.N(at) }
                : new() { [":id"] = Attributes.S(KeyPrefix + aggregateId) },
            ScanIndexForward = false,
            Limit = 1,
            ConsistentRead = true,
        };
        var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.Items is not [var item, ..])
        {
            return null;
        }

        return new StoredSnapshot(aggregateId, item.GetN("Version"), (int)item.GetN("SchemaVersion"), item.GetOptionalS("State") ?? "");
    }

    /// <inheritdoc />
    public async Task WriteAsync(StoredSnapshot snapshot, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["AggregateId"] = Attributes.S(KeyPrefix + snapshot.AggregateId),
                ["Version"] = Attributes.N(snapshot.Version),
                ["SchemaVersion"] = Attributes.N(snapshot.SchemaVersion),
                ["State"] = Attributes.S(snapshot.State),
            },
        };
        await StoreErrors.TranslateAsync(tableName, () => dynamoDb.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a commit-log table item is a snapshot rather than a commit.</summary>
    public static bool IsSnapshotItem(Dictionary<string, AttributeValue> item) =>
        item.GetOptionalS("AggregateId") is { } id && id.StartsWith(KeyPrefix, StringComparison.Ordinal);
}
