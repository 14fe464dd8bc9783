using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Every item of a table in a canonical text form, to compare whole views.</summary>
public static class TableContents
{
    public static async Task<IReadOnlyList<string>> ScanAsync(IAmazonDynamoDB dynamoDb, string table)
    {
        var items = new List<string>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = startKey, ConsistentRead = true });
            items.AddRange((page.Items ?? []).Select(Canonical));
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        items.Sort(StringComparer.Ordinal);
        return items;
    }

    private static string Canonical(Dictionary<string, AttributeValue> item) =>
        string.Join(", ", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Value(p.Value)}"));

    private static string Value(AttributeValue v) =>
        v.S ?? v.N ?? (v.BOOL is { } b ? b.ToString() : v.NULL is true ? "null" : "?");
}
