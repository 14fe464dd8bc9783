using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Testing;

/// <summary>A whole table as sorted text lines, so two states of a view compare with Assert.Equal.</summary>
public static class TableSnapshot
{
    /// <summary>Every item, each as "name=value" pairs in name order, the items sorted.</summary>
    public static async Task<IReadOnlyList<string>> TakeAsync(IAmazonDynamoDB dynamoDb, string table, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            // Always consistent: a snapshot taken right after a write must see it. dynalite is consistent
            // anyway, but LocalStack or real DynamoDB may answer an eventually consistent scan with a stale
            // table, which would make a before/after comparison flaky. The doubled read cost is irrelevant here.
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken);
            lines.AddRange(page.Items.Select(Line));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Line(Dictionary<string, AttributeValue> item) =>
        string.Join(" ", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.S ?? p.Value.N ?? p.Value.BOOL?.ToString()}"));
}
