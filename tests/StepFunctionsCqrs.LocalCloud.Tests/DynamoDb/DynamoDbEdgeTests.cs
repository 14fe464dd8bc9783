using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.DynamoDb;

[Collection(PipelineCollection.Name)]
public sealed class DynamoDbEdgeTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_sdk_client_creates_writes_and_reads_a_table_through_the_edge()
    {
        var table = $"edge-{Guid.NewGuid():N}";
        await CreateAsync(table);

        await fixture.DynamoDb.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "a" }, ["Value"] = new() { N = "42" } });
        var read = await fixture.DynamoDb.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "a" } });

        Assert.Equal("42", read.Item["Value"].N);
    }

    [Fact]
    public async Task A_failed_condition_comes_back_as_ConditionalCheckFailedException()
    {
        var table = $"edge-{Guid.NewGuid():N}";
        await CreateAsync(table);
        var item = new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "once" } };
        var put = new PutItemRequest { TableName = table, Item = item, ConditionExpression = "attribute_not_exists(Id)" };
        await fixture.DynamoDb.PutItemAsync(put);

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => fixture.DynamoDb.PutItemAsync(put));
    }

    [Fact]
    public async Task The_bootstrap_created_every_table_of_the_catalog()
    {
        var tables = await fixture.DynamoDb.ListTablesAsync(new ListTablesRequest { Limit = 100 });

        Assert.Subset(tables.TableNames.ToHashSet(), Tables.All.Select(t => t.LogicalName).ToHashSet());
    }

    [Fact]
    public async Task An_unknown_table_comes_back_as_ResourceNotFoundException()
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => fixture.DynamoDb.DescribeTableAsync($"missing-{Guid.NewGuid():N}"));
    }

    // A new table is CREATING until it turns ACTIVE, here as on AWS, so a client waits for it before writing.
    private async Task CreateAsync(string table)
    {
        await fixture.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("Id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("Id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        for (var attempt = 0; (await fixture.DynamoDb.DescribeTableAsync(table)).Table.TableStatus != TableStatus.ACTIVE; attempt++)
        {
            Assert.True(attempt < 100, $"Table {table} did not become ACTIVE.");
            await Task.Delay(50);
        }
    }
}
