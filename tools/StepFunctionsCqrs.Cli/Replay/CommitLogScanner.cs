using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Cli.Replay;

/// <summary>Reads the whole commit log with a paged Scan.</summary>
public sealed class CommitLogScanner(IAmazonDynamoDB dynamoDb, string tableName, string endpointForMessages)
{
    /// <summary>Every commit, in no particular order; the count of items is reported after each page.</summary>
    public async Task<IReadOnlyList<StoredCommit>> ScanAsync(IProgress<int>? scanned, CancellationToken cancellationToken)
    {
        var commits = new List<StoredCommit>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest { TableName = tableName, ExclusiveStartKey = startKey, ConsistentRead = true };
            var response = await TargetErrors.GuardAsync(() => dynamoDb.ScanAsync(request, cancellationToken), endpointForMessages, tableName).ConfigureAwait(false);
            commits.AddRange((response.Items ?? []).Select(Read));
            scanned?.Report(commits.Count);
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return commits;
    }

    private static StoredCommit Read(Dictionary<string, AttributeValue> item) => new(
        item["AggregateId"].S,
        long.Parse(item["Version"].N, CultureInfo.InvariantCulture),
        item["CommandId"].S,
        EventJson.Deserialize(item["Events"].S),
        DateTimeOffset.Parse(item["CommittedAt"].S, CultureInfo.InvariantCulture),
        item.TryGetValue("ExecutionId", out var execution) ? execution.S ?? "" : "");
}
