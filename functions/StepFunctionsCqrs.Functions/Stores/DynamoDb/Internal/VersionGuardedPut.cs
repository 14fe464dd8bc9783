using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

/// <summary>A view write that only lands when it is newer than the row it replaces, so replays and reordering are harmless.</summary>
internal static class VersionGuardedPut
{
    /// <summary>Puts the item unless a row with the same key holds this version or a newer one; returns whether it was written.</summary>
    public static Task<bool> PutIfNewerAsync(
        IAmazonDynamoDB dynamoDb, string table, string partitionKeyName, Dictionary<string, AttributeValue> item, long version, CancellationToken cancellationToken)
    {
        item["Version"] = new AttributeValue { N = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var request = new PutItemRequest
        {
            TableName = table,
            Item = item,
            ConditionExpression = "attribute_not_exists(#pk) OR #version < :version",
            ExpressionAttributeNames = new() { ["#pk"] = partitionKeyName, ["#version"] = "Version" },
            ExpressionAttributeValues = new() { [":version"] = item["Version"] },
        };
        return ConditionalPut.TryAsync(dynamoDb, request, cancellationToken);
    }
}
