using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>The commit log on DynamoDB: appending is one conditional PutItem, which is the optimistic-concurrency check.</summary>
public sealed class DynamoDbCommitLog(IAmazonDynamoDB dynamoDb, string tableName) : ICommitLog
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCommit>> LoadAsync(string aggregateId, CancellationToken cancellationToken) =>
        LoadAfterAsync(aggregateId, 0, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCommit>> LoadAfterAsync(string aggregateId, long afterVersion, CancellationToken cancellationToken)
    {
        var commits = new List<StoredCommit>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "AggregateId = :id AND Version > :after",
                ExpressionAttributeValues = new() { [":id"] = Attributes.S(aggregateId), [":after"] = Attributes.N(afterVersion) },
                // A stale read would decide on old state and then lose the append anyway; reading consistently avoids the wasted round.
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            };
            var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            commits.AddRange((response.Items ?? []).Select(Read));
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return commits;
    }

    /// <summary>The commit at one version of an aggregate, or null when there is none; one read however long the history.</summary>
    public async Task<StoredCommit?> ReadAsync(string aggregateId, long version, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["AggregateId"] = Attributes.S(aggregateId), ["Version"] = Attributes.N(version) },
            ConsistentRead = true,
        };
        var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.GetItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCommit>> ReadAllAsync(CancellationToken cancellationToken) => ReadAllAsync(null, cancellationToken);

    /// <summary>Every commit, ordered by aggregate and version, without the command ledger's or the snapshots' items; the count read so far is reported after each page.</summary>
    public async Task<IReadOnlyList<StoredCommit>> ReadAllAsync(IProgress<int>? scanned, CancellationToken cancellationToken)
    {
        var commits = new List<StoredCommit>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest { TableName = tableName, ConsistentRead = true, ExclusiveStartKey = startKey };
            var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.ScanAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            commits.AddRange((response.Items ?? []).Where(IsCommitItem).Select(Read));
            scanned?.Report(commits.Count);
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return [.. commits.OrderBy(c => c.AggregateId, StringComparer.Ordinal).ThenBy(c => c.Version)];
    }

    /// <inheritdoc />
    public async Task AppendAsync(StoredCommit commit, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["AggregateId"] = Attributes.S(commit.AggregateId),
                ["Version"] = Attributes.N(commit.Version),
                ["CommandId"] = Attributes.S(commit.CommandId),
                ["Events"] = Attributes.S(EventJson.Serialize(commit.Events)),
                ["CommittedAt"] = Attributes.S(commit.CommittedAt.ToString("O", CultureInfo.InvariantCulture)),
                ["ExecutionId"] = Attributes.S(commit.ExecutionId),
            },
            ConditionExpression = "attribute_not_exists(AggregateId)",
        };
        try
        {
            await StoreErrors.TranslateAsync(tableName, () => dynamoDb.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new ConcurrencyConflict($"Version {commit.Version} of {commit.AggregateId} was appended by another command first.", e);
        }
    }

    /// <summary>Whether an item of the commit log's table is a commit, not a ledger entry or a snapshot kept beside the commits.</summary>
    public static bool IsCommitItem(Dictionary<string, AttributeValue> item) =>
        !DynamoDbCommandLedger.IsLedgerItem(item) && !DynamoDbSnapshotStore.IsSnapshotItem(item);

    private static StoredCommit Read(Dictionary<string, AttributeValue> item) => new(
        item.GetS("AggregateId"),
        item.GetN("Version"),
        item.GetS("CommandId"),
        EventJson.Deserialize(item.GetS("Events")),
        DateTimeOffset.Parse(item.GetS("CommittedAt"), CultureInfo.InvariantCulture),
        item.GetOptionalS("ExecutionId") ?? "");
}
