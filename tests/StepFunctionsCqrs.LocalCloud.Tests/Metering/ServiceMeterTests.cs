using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Metering;

[Collection(PipelineCollection.Name)]
public sealed class ServiceMeterTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_functions_DynamoDb_calls_are_metered_in_capacity_units_as_DynamoDB_bills_them()
    {
        var table = $"meter-{Guid.NewGuid():N}";
        // The functions' own client, as a handler builds it: their key, DynamoDB's endpoint from the environment.
        using var functions = new AmazonDynamoDBClient(fixture.Cloud.Identities.Functions.Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB"), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
        });
        await functions.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("Id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("Id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var before = fixture.Cloud.Meter.Read();

        // 1.5 KB: two write units to put, one strongly consistent read unit to read.
        var item = new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "a" }, ["Body"] = new() { S = new string('x', 1_500) } };
        await functions.PutItemAsync(new PutItemRequest { TableName = table, Item = item, ConditionExpression = "attribute_not_exists(Id)" });
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() =>
            functions.PutItemAsync(new PutItemRequest { TableName = table, Item = item, ConditionExpression = "attribute_not_exists(Id)" }));
        await functions.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["Id"] = new() { S = "a" } }, ConsistentRead = true });
        // Nothing found still costs DynamoDB's minimum read: half a unit when eventually consistent.
        await functions.QueryAsync(new QueryRequest
        {
            TableName = table, KeyConditionExpression = "Id = :id", ExpressionAttributeValues = new() { [":id"] = new() { S = "none" } },
        });
        // The same call signed by anyone else is not the pipeline's and is not counted.
        await fixture.DynamoDb.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["Id"] = new() { S = "a" } } });

        var usage = fixture.Cloud.Meter.Read().DynamoDb[table];
        var earlier = before.DynamoDb.GetValueOrDefault(table);
        Assert.Equal(4, usage.Requests - (earlier?.Requests ?? 0));
        Assert.Equal(3.0, usage.WriteUnits - (earlier?.WriteUnits ?? 0));
        Assert.Equal(1.5, usage.ReadUnits - (earlier?.ReadUnits ?? 0));
        Assert.Equal(1, usage.ConditionalCheckFailures - (earlier?.ConditionalCheckFailures ?? 0));
    }

    [Fact]
    public async Task The_edge_answers_the_meter_to_a_signed_GET()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/meter", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var reading = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, reading.GetProperty("dynamoDb").ValueKind);
        Assert.Equal(JsonValueKind.Object, reading.GetProperty("sqs").ValueKind);
        Assert.Equal(JsonValueKind.Object, reading.GetProperty("functions").ValueKind);
    }
}
