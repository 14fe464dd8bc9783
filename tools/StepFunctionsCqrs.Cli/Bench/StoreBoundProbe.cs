using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// Measures how many conditional PutItem writes per second the DynamoDB endpoint sustains, using the same
/// attribute_not_exists condition as the commit log append, on a scratch table that is deleted afterwards.
/// </summary>
public sealed class StoreBoundProbe(IAmazonDynamoDB dynamoDb, string endpointForMessages)
{
    /// <summary>
    /// Writes <paramref name="warmupWrites"/> untimed items, then times <paramref name="writes"/> more, with <paramref name="concurrency"/>
    /// writers; returns the timed writes per second.
    /// </summary>
    public async Task<double> MeasureAsync(int writes, int warmupWrites, int concurrency, CancellationToken cancellationToken)
    {
        var table = $"bench-probe-{Guid.NewGuid():N}"[..24];
        await TargetErrors.GuardAsync(() => dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("AggregateId", KeyType.HASH), new KeySchemaElement("Version", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("AggregateId", ScalarAttributeType.S), new AttributeDefinition("Version", ScalarAttributeType.N)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        }, cancellationToken), endpointForMessages, table).ConfigureAwait(false);
        try
        {
            await WaitActiveAsync(table, cancellationToken).ConfigureAwait(false);
            await WriteAsync(table, 0, warmupWrites, concurrency, cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            await WriteAsync(table, warmupWrites, writes, concurrency, cancellationToken).ConfigureAwait(false);
            return writes / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await dynamoDb.DeleteTableAsync(table, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // Items numbered from first on: 64 partitions, versions counting up in each, every write to a free key.
    private async Task WriteAsync(string table, int first, int count, int concurrency, CancellationToken cancellationToken)
    {
        var next = first - 1;
        var end = first + count;
        var body = new string('x', 400);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(async writer =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < end)
            {
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = table,
                    Item = new()
                    {
                        ["AggregateId"] = new AttributeValue { S = $"probe#{i % 64}" },
                        ["Version"] = new AttributeValue { N = (i / 64 + 1).ToString(CultureInfo.InvariantCulture) },
                        ["Events"] = new AttributeValue { S = body },
                    },
                    ConditionExpression = "attribute_not_exists(AggregateId)",
                }, cancellationToken).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }

    private async Task WaitActiveAsync(string table, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var description = await dynamoDb.DescribeTableAsync(table, cancellationToken).ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new CliException($"The scratch table {table} did not become active.");
    }
}
