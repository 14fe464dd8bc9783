using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.EndToEnd.Tests.Driving;

/// <summary>A whole table as sorted text lines, so two states of a view compare with Assert.Equal.</summary>
public static class TableSnapshot
{
    /// <summary>Every item, each as "name=value" pairs in name order, the items sorted.</summary>
    public static async Task<IReadOnlyList<string>> TakeAsync(IAmazonDynamoDB dynamoDb, string table)
    {
        var lines = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            lines.AddRange(page.Items.Select(item => string.Join(" ", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.S ?? p.Value.N ?? p.Value.BOOL?.ToString()}"))));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
