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

    private static bool Fits(JsonNode? node, ref long budget)
    {
        switch (node)
        {
            case null:
                budget -= 4;
                break;
            case JsonObject o:
                budget -= 2;
                foreach (var (key, value) in o)
                {
                    budget -= key.Length + 4;
                    if (!Fits(value, ref budget)) return false;
                }
                break;
            case JsonArray a:
                budget -= 2;
                foreach (var item in a)
                {
                    budget -= 1;
                    if (!Fits(item, ref budget)) return false;
                }
                break;
            case JsonValue v:
                if (v.GetValueKind() == JsonValueKind.String)
                {
                    var s = v.GetValue<string>();
                    // Only long strings can decide the outcome, so only they pay for an exact count.
                    budget -= s.Length > 1024 ? System.Text.Encoding.UTF8.GetByteCount(s) + 2 : s.Length + 2;
                }
                else
                {
                    budget -= 8;
                }
                break;
        }
        return budget >= 0;
    }
}
