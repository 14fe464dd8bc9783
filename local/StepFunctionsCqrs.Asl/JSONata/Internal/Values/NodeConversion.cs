using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>Moves values between <see cref="JsonNode"/> and the evaluator's own model.</summary>
/// <remarks>
/// Input objects are read in place (no copy per evaluation); input arrays become <see cref="JsonataArray"/> when
/// reached, because sequences and arrays share one list type throughout the evaluator.
/// </remarks>
internal static class NodeConversion
{
    public static readonly object True = true;
    public static readonly object False = false;

    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    public static object Box(bool value) => value ? True : False;

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonataNull.Instance;
            case JsonObject obj:
                return obj;
            case JsonArray array:
                var items = new JsonataArray(array.Count);
                foreach (var item in array)
                {
                    items.Add(FromNode(item));
                }
                return items;
            default:
                var value = (JsonValue)node;
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return JsonScalar.TryGetString(value, out var text) ? text : value.ToString();
                    case JsonValueKind.Number:
                        return JsonScalar.TryGetNumber(value, out var number) ? number : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    case JsonValueKind.True:
                        return True;
                    case JsonValueKind.False:
                        return False;
                    case JsonValueKind.Null:
                        return JsonataNull.Instance;
                    default:
                        return value.ToString();
                }
        }
    }

    /// <summary>Undefined becomes C# null; JSON null becomes a <see cref="JsonValue"/> of kind Null, so the two stay apart.</summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonataNull:
                return JsonValue.Create(NullElement);
            case bool b:
                return JsonValue.Create(b);
            case double d:
                // Whole numbers leave as integers so that downstream readers see 3, not 3.0.
                if (d == Math.Floor(d) && Math.Abs(d) < 9.007199254740992E15)
                {
                    return JsonValue.Create((long)d);
                }
                return JsonValue.Create(d);
            case string s:
                return JsonValue.Create(s);
            case JsonataArray array:
                var result = new JsonArray();
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        result.Add(ToNodeForContainer(item));
                    }
                }
                return result;
            case JsonObject obj:
                return obj.DeepClone();
            case JsonataObject obj:
                var json = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    if (item is not null)
                    {
                        json[key] = ToNodeForContainer(item);
                    }
                }
                return json;
            case JsonataFunction:
                return JsonValue.Create("");
            default:
                throw new InvalidOperationException($"Unexpected value type {value.GetType()}.");
        }
    }

    private static JsonNode? ToNodeForContainer(object value) => value is JsonataNull ? null : ToNode(value);
}
