using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>
/// The command ledger in the commit log's table, one item per command at pk <c>command#&lt;commandId&gt;</c>, version 0:
/// it belongs to the write store, and keeping it there needs no second table, grant or backup. Aggregate ids never
/// start with <c>command#</c>, and reads of the log skip these items.
/// </summary>
public sealed class DynamoDbCommandLedger(IAmazonDynamoDB dynamoDb, string tableName) : ICommandLedger
{
    /// <summary>The partition key prefix of ledger items.</summary>
    public const string KeyPrefix = "command#";

    /// <inheritdoc />
    public async Task<LedgerEntry> ClaimAsync(string commandId, string fingerprint, string executionId, long fromVersion, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = Item(commandId, fingerprint, executionId, fromVersion),
            ConditionExpression = "attribute_not_exists(AggregateId)",
        };
        var claimed = await ConditionalPut.TryAsync(dynamoDb, request, cancellationToken).ConfigureAwait(false);

        return claimed
            ? new LedgerEntry(commandId, fingerprint, null, fromVersion, ClaimedNow: true)
            : await ReadAsync(commandId, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"The ledger entry of command {commandId} vanished while being claimed.");
    }

    /// <inheritdoc />
    public async Task RecordDeclineAsync(LedgerEntry claim, string executionId, Rejection decline, CancellationToken cancellationToken)
    {
        // A whole-item put rather than an update keeps Persist's writes to the log's table to conditional PutItem.
        var (commandId, fingerprint) = (claim.CommandId, claim.Fingerprint);
        var item = Item(commandId, fingerprint, executionId, claim.FromVersion);
        item["Decline"] = Attributes.S(JsonSerializer.Serialize(decline, HandlerJson.Options));
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            // Only the body that holds the claim may record a decline on it.
            ConditionExpression = "Fingerprint = :fingerprint",
            ExpressionAttributeValues = new() { [":fingerprint"] = Attributes.S(fingerprint) },
        };
        await StoreErrors.TranslateAsync(tableName, () => dynamoDb.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LedgerEntry?> ReadAsync(string commandId, CancellationToken cancellationToken)
    {
        var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(commandId),
            ConsistentRead = true,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new LedgerEntry(
            item.GetS("CommandId"),
            item.GetS("Fingerprint"),
            item.GetOptionalS("Decline") is { } decline ? JsonSerializer.Deserialize<Rejection>(decline, HandlerJson.Options) : null,
            item.ContainsKey("FromVersion") ? item.GetN("FromVersion") : 0);
    }

    /// <summary>Whether a commit-log item is a ledger entry rather than a commit.</summary>
    public static bool IsLedgerItem(Dictionary<string, AttributeValue> item) =>
        item.GetOptionalS("AggregateId") is { } id && id.StartsWith(KeyPrefix, StringComparison.Ordinal);

    private static Dictionary<string, AttributeValue> Item(string commandId, string fingerprint, string executionId, long fromVersion)
    {
        var item = Key(commandId);
        item["FromVersion"] = Attributes.N(fromVersion);
        item["CommandId"] = Attributes.S(commandId);
        item["Fingerprint"] = Attributes.S(fingerprint);
        item["ExecutionId"] = Attributes.S(executionId);
        return item;
    }

    private static Dictionary<string, AttributeValue> Key(string commandId) => new()
    {
        ["AggregateId"] = Attributes.S(KeyPrefix + commandId),
        ["Version"] = Attributes.N(0),
    };
}
