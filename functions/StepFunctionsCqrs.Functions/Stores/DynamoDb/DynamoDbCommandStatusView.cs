using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>Command status view on DynamoDB: one item per command id.</summary>
public sealed class DynamoDbCommandStatusView(IAmazonDynamoDB dynamoDb, string tableName) : ICommandStatusView
{
    /// <inheritdoc />
    public async Task<CommandStatusRecord> RecordAsync(CommandStatusRecord record, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["CommandId"] = Attributes.S(record.CommandId),
            ["Status"] = Attributes.S(record.Status.ToString()),
            ["ExecutionId"] = Attributes.S(record.ExecutionId),
            ["RecordedAt"] = Attributes.S(record.RecordedAt.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (record.Reasons is { } reasons)
        {
            item["Reasons"] = Attributes.S(JsonSerializer.Serialize(reasons, HandlerJson.Options));
        }

        if (record.Error is { } error)
        {
            item["Error"] = Attributes.S(error.GetRawText());
        }

        if (record.ExpiresAt is { } expiresAt)
        {
            item[CommandStatusRetention.TtlAttribute] = Attributes.N(expiresAt.ToUnixTimeSeconds());
        }

        if (record.Changes is { } changes)
        {
            item["Changes"] = Attributes.S(JsonSerializer.Serialize(changes, HandlerJson.Options));
        }

        // An outcome is final, so a repeated call keeps the first record; only a Failed one may be replaced,
        // because a redriven execution can still succeed or be rejected.
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ConditionExpression = record.Status == CommandOutcome.Failed
                ? "attribute_not_exists(CommandId)"
                : "attribute_not_exists(CommandId) OR #status = :failed",
            ExpressionAttributeNames = record.Status == CommandOutcome.Failed ? null : new() { ["#status"] = "Status" },
            ExpressionAttributeValues = record.Status == CommandOutcome.Failed ? null : new() { [":failed"] = Attributes.S(nameof(CommandOutcome.Failed)) },
        };
        var written = await ConditionalPut.TryAsync(dynamoDb, request, cancellationToken).ConfigureAwait(false);

        return written
            ? record
            : await ReadAsync(record.CommandId, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"The status of command {record.CommandId} vanished while being recorded.");
    }

    /// <inheritdoc />
    public async Task<CommandStatusRecord?> ReadAsync(string commandId, CancellationToken cancellationToken)
    {
        var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["CommandId"] = Attributes.S(commandId) },
            ConsistentRead = true,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new CommandStatusRecord(
            item.GetS("CommandId"),
            Enum.Parse<CommandOutcome>(item.GetS("Status")),
            item.GetOptionalS("Reasons") is { } reasons ? JsonSerializer.Deserialize<Reason[]>(reasons, HandlerJson.Options) : null,
            item.GetOptionalS("Error") is { } error ? JsonSerializer.Deserialize<JsonElement>(error) : null,
            item.GetOptionalS("Changes") is { } changes ? JsonSerializer.Deserialize<AppendedVersion[]>(changes, HandlerJson.Options) : null,
            item.GetS("ExecutionId"),
            DateTimeOffset.Parse(item.GetS("RecordedAt"), CultureInfo.InvariantCulture),
            item.TryGetValue(CommandStatusRetention.TtlAttribute, out var expiresAt) && long.TryParse(expiresAt.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null);
    }
}
