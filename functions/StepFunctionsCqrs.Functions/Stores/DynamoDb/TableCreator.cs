using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Functions.Configuration;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>Creates the tables of <see cref="Tables.All"/> where they do not exist yet (tests and the local bootstrap; CDK creates them on AWS).</summary>
public sealed class TableCreator(IAmazonDynamoDB dynamoDb)
{
    /// <summary>Creates every missing table and waits until all are active.</summary>
    public async Task CreateAllAsync(TableNames names, CancellationToken cancellationToken)
    {
        foreach (var table in Tables.All)
        {
            await CreateAsync(table, names.For(table), cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in Tables.All)
        {
            await WaitUntilActiveAsync(names.For(table), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(TableDefinition table, string name, CancellationToken cancellationToken)
    {
        var keys = new List<KeySchemaElement> { new(table.PartitionKey.Name, KeyType.HASH) };
        var attributes = new List<AttributeDefinition> { new(table.PartitionKey.Name, table.PartitionKey.Type) };
        if (table.SortKey is { } sortKey)
        {
            keys.Add(new KeySchemaElement(sortKey.Name, KeyType.RANGE));
            attributes.Add(new AttributeDefinition(sortKey.Name, sortKey.Type));
        }

        try
        {
            await dynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = name,
                KeySchema = keys,
                AttributeDefinitions = attributes,
                BillingMode = BillingMode.PAY_PER_REQUEST,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Already there: creation is idempotent so the bootstrap can run on every start.
        }
    }

    private async Task WaitUntilActiveAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var description = await dynamoDb.DescribeTableAsync(name, cancellationToken).ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            if (attempt >= 600)
            {
                throw new TimeoutException($"Table {name} did not become active; its status is {description.Table.TableStatus}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }
}
