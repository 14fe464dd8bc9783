using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>Reads fields from both kinds of object value: input <see cref="JsonObject"/> and built <see cref="JsonataObject"/>.</summary>
internal static class ObjectAccess
{
    public static bool IsObject(object? value) => value is JsonObject or JsonataObject;

    public static object? GetField(object obj, string name)
    {
        if (obj is JsonObject json)
        {
            return json.TryGetPropertyValue(name, out var node) ? NodeConversion.FromNode(node) : null;
        }
        return ((JsonataObject)obj).TryGetValue(name, out var value) ? value : null;
    }

    public static int Count(object obj) => obj is JsonObject json ? json.Count : ((JsonataObject)obj).Count;

    public static IEnumerable<string> Keys(object obj)
    {
        if (obj is JsonObject json)
        {
            foreach (var pair in json)
            {
                yield return pair.Key;
            }
        }
        else
        {
            foreach (var key in ((JsonataObject)obj).Keys)
            {
                yield return key;
            }
        }
    }

    public static IEnumerable<KeyValuePair<string, object?>> Fields(object obj)
    {
        if (obj is JsonObject json)
        {
            foreach (var pair in json)
            {
                yield return new KeyValuePair<string, object?>(pair.Key, NodeConversion.FromNode(pair.Value));
            }
        }
        else
        {
            foreach (var pair in (JsonataObject)obj)
            {
                yield return pair;
            }
        }
    }

    /// <summary>A mutable copy, for the transform operator and $merge.</summary>
    public static JsonataObject Copy(object obj)
    {
        var copy = new JsonataObject();
        foreach (var (key, value) in Fields(obj))
        {
            copy[key] = value;
        }
        return copy;
    }
}
