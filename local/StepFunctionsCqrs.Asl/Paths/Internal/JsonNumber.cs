using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Reads JSON numbers whatever CLR type backs the node (parsed text or a value created in code).</summary>
internal static class JsonNumber
{
    /// <summary>The number as a decimal, when it is one and fits.</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a double, when it is one.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a 64-bit integer, when it is a whole number in range (so <c>3.0</c> counts).</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value))
        {
            return true;
        }

        if (!TryGetDecimal(node, out var d))
        {
            return false;
        }

        if (d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue)
        {
            return false;
        }

        value = (long)d;
        return true;
    }

    /// <summary>Orders two numeric nodes, exactly where decimals suffice.</summary>
    public static int Compare(JsonValue left, JsonValue right)
    {
        if (TryGetDecimal(left, out var l) && TryGetDecimal(right, out var r))
        {
            return l.CompareTo(r);
        }

        TryGetDouble(left, out var ld);
        TryGetDouble(right, out var rd);
        return ld.CompareTo(rd);
    }
}
