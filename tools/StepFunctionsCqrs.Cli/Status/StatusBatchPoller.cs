using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Cli.Status;

/// <summary>Reads the outcomes of many commands at once (BatchGetItem on the command status view), for bench and bulk waits.</summary>
public sealed class StatusBatchPoller(IAmazonDynamoDB dynamoDb, string commandStatusTable, string endpointForMessages)
{
    private const int BatchGetLimit = 100;

    /// <summary>The status (Accepted, Rejected, Failed) of each command that has one; commands without an outcome are absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) =>
        (await ReadOutcomesAsync(commandIds, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Key, p => p.Value.Status, StringComparer.Ordinal);

    /// <summary>The outcome of each command that has one, with the time the pipeline recorded it; commands without an outcome are absent.</summary>
    public async Task<IReadOnlyDictionary<string, RecordedOutcome>> ReadOutcomesAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RecordedOutcome>(StringComparer.Ordinal);
        foreach (var chunk in commandIds.Distinct(StringComparer.Ordinal).Chunk(BatchGetLimit))
        {
            var keys = chunk.Select(id => new Dictionary<string, AttributeValue> { ["CommandId"] = new AttributeValue { S = id } }).ToList();
            while (keys.Count > 0)
            {
                var request = new BatchGetItemRequest
                {
                    RequestItems = new()
                    {
                        [commandStatusTable] = new KeysAndAttributes
                        {
                            Keys = keys,
                            ProjectionExpression = "CommandId, #status, RecordedAt",
                            ExpressionAttributeNames = new() { ["#status"] = "Status" },
                            ConsistentRead = true,
                        },
                    },
                };
                var response = await TargetErrors.GuardAsync(() => dynamoDb.BatchGetItemAsync(request, cancellationToken), endpointForMessages, commandStatusTable)
                    .ConfigureAwait(false);
                foreach (var item in response.Responses?.GetValueOrDefault(commandStatusTable) ?? [])
                {
                    found[item["CommandId"].S] = new RecordedOutcome(
                        item["Status"].S, DateTimeOffset.Parse(item["RecordedAt"].S, CultureInfo.InvariantCulture));
                }

                keys = response.UnprocessedKeys?.GetValueOrDefault(commandStatusTable)?.Keys ?? [];
            }
        }

        return found;
    }

    /// <summary>
    /// Polls until every command has an outcome or <paramref name="timeout"/> passes; reports each outcome once, with the time it was first seen.
    /// Returns the outcomes seen.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitForAllAsync(
        IReadOnlyCollection<string> commandIds, TimeSpan timeout, TimeSpan pollInterval, TimeProvider timeProvider,
        Action<string, string, DateTimeOffset>? seen, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(commandIds, StringComparer.Ordinal);
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        var deadline = timeProvider.GetUtcNow() + timeout;
        while (pending.Count > 0)
        {
            var batch = await ReadAsync(pending, cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            foreach (var (commandId, status) in batch)
            {
                outcomes[commandId] = status;
                pending.Remove(commandId);
                seen?.Invoke(commandId, status, now);
            }

            if (pending.Count == 0 || now >= deadline)
            {
                break;
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return outcomes;
    }
}
