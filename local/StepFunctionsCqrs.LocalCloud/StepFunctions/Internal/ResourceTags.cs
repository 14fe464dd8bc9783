using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;

/// <summary>Tags as the service takes them: a list of key and value, keys 1 to 128 characters, values up to 256, at most 50 a resource.</summary>
internal static class ResourceTags
{
    public const int MaxPerResource = 50;
    private const int MaxKeyLength = 128;
    private const int MaxValueLength = 256;

    /// <summary>The <c>[{ "key", "value" }]</c> list at <paramref name="member"/>; an absent member is no tags.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(JsonObject body, string member)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, i) in Items(body, member))
        {
            var key = item is JsonObject tag ? Text(tag["key"], $"{member}.{i + 1}.member.key", 1, MaxKeyLength) : throw Invalid($"Member '{member}.{i + 1}' must be an object with key and value");
            // Later duplicates win, as in a map.
            tags[key] = Text(tag["value"] ?? "", $"{member}.{i + 1}.member.value", 0, MaxValueLength);
        }

        return [.. tags];
    }

    /// <summary>The list of keys at <paramref name="member"/>.</summary>
    public static IReadOnlyList<string> ReadKeys(JsonObject body, string member) =>
        [.. Items(body, member).Select(x => Text(x.Item, $"{member}.{x.Index + 1}.member", 1, MaxKeyLength))];

    /// <summary>The refusal of a change that would leave more than <see cref="MaxPerResource"/> tags.</summary>
    public static StepFunctionsFault TooMany(string arn, int held) =>
        new(StepFunctionsErrorCodes.TooManyTags, $"Too many tags: '{arn}' would have {held}; a resource may have at most {MaxPerResource}.");

    private static IEnumerable<(JsonNode? Item, int Index)> Items(JsonObject body, string member) => body[member] switch
    {
        null => [],
        JsonArray items => items.Select((item, i) => (item, i)),
        _ => throw Invalid($"Member '{member}' must be a list"),
    };

    private static string Text(JsonNode? node, string member, int min, int max)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            throw Invalid($"Value null at '{member}' failed to satisfy constraint: Member must be a string");
        }

        var text = v.GetValue<string>();
        return text.Length >= min && text.Length <= max
            ? text
            : throw Invalid($"Value '{text}' at '{member}' failed to satisfy constraint: Member must have length between {min} and {max}");
    }

    private static StepFunctionsFault Invalid(string message) =>
        new(StepFunctionsErrorCodes.ValidationException, $"1 validation error detected: {message}");
}
