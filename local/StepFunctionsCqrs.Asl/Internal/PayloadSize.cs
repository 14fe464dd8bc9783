using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Internal;

/// <summary>Measures the serialized size of a payload against the 256 KiB limit Step Functions enforces.</summary>
internal static class PayloadSize
{
    /// <summary>The largest state input or output, in UTF-8 bytes.</summary>
    public const int Limit = 256 * 1024;

    /// <summary>True when the node, serialized, is larger than the limit; stops counting as soon as the limit is passed.</summary>
    public static bool Exceeds(JsonNode? node)
    {
        long budget = Limit;
        return !Fits(node, ref budget);
    }

    // Counts what compact JSON serialization writes, in UTF-8 bytes, as Step Functions measures it: braces and
    // brackets, quoted keys with their colons, commas between members, and each value's text.
    private static bool Fits(JsonNode? node, ref long budget)
    {
        switch (node)
        {
            case null:
                budget -= 4;
                break;
            case JsonObject o:
                budget -= o.Count == 0 ? 2 : 1 + o.Count;
                // Indexing instead of foreach: JsonObject's enumerator is boxed, and this runs for every task payload.
                for (var i = 0; i < o.Count; i++)
                {
                    var (key, value) = o.GetAt(i);
                    budget -= Encoding.UTF8.GetByteCount(key) + 3;
                    if (!Fits(value, ref budget)) return false;
                }
                break;
            case JsonArray a:
                budget -= a.Count == 0 ? 2 : 1 + a.Count;
                for (var i = 0; i < a.Count; i++)
                {
                    if (!Fits(a[i], ref budget)) return false;
                }
                break;
            case JsonValue v when v.TryGetValue<JsonElement>(out var element):
                // A value parsed from JSON text keeps its raw UTF-8 (quotes and escapes included): exactly the text
                // it stands for, read without decoding a new string.
                budget -= JsonMarshal.GetRawUtf8Value(element).Length;
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                budget -= Encoding.UTF8.GetByteCount(v.GetValue<string>()) + 2;
                break;
            case JsonValue v:
                budget -= v.ToJsonString().Length;
                break;
        }
        return budget >= 0;
    }
}
