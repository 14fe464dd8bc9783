using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>A text key that is equal for equal JSON values: object fields sorted, numbers by value (<c>1</c> and <c>1.0</c> alike).</summary>
internal static class JsonCanonicalForm
{
    /// <summary>The canonical key of <paramref name="node"/>.</summary>
    public static string Of(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var element in array)
                {
                    Write(element, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                if (JsonScalar.TryGetDecimal(value, out var d))
                {
                    // Dividing by 1.000… drops trailing zeros, so 1.0 and 1 share a key.
                    text.Append((d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    JsonScalar.TryGetNumber(value, out var x);
                    text.Append(x.ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            default:
                text.Append(JsonText.Compact(node));
                break;
        }
    }
}
