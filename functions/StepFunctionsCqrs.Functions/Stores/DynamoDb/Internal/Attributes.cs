using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

/// <summary>Reading and writing typed DynamoDB attribute values, failing with the attribute's name when an item is malformed.</summary>
internal static class Attributes
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue Date(DateOnly value) => new() { S = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    public static string GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.S is { } s ? s : throw Missing(name, "S");

    public static string? GetOptionalS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) ? v.S : null;

    public static long GetN(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : throw Missing(name, "N");

    public static bool GetBool(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.BOOL is { } b ? b : throw Missing(name, "BOOL");

    public static DateOnly GetDate(this Dictionary<string, AttributeValue> item, string name) =>
        DateOnly.ParseExact(item.GetS(name), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InvalidDataException Missing(string name, string type) =>
        new($"Stored item has no {type} attribute '{name}'.");
}
