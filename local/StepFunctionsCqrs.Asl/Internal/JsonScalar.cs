using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Internal;

/// <summary>
/// The one way the engine reads numbers, strings and booleans from a JSON value, whatever made it: text parsed into a
/// <see cref="JsonElement"/>, or a value built in code from an int, long, decimal, double or string (an intrinsic's
/// result, a task result, a variable, a context object field). Asking such a node for another CLR type than the one
/// behind it fails, so a 2 built from an int would otherwise not be the number 2.
/// </summary>
internal static class JsonScalar
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
    public static bool TryGetNumber(JsonNode? node, out double value)
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

        TryGetNumber(left, out var ld);
        TryGetNumber(right, out var rd);
        return ld.CompareTo(rd);
    }

    /// <summary>The string, when the value is one.</summary>
    public static bool TryGetString(JsonNode? node, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        value = v.TryGetValue(out string? text) ? text : JsonSerializer.Deserialize<string>(v.ToJsonString());
        return value is not null;
    }

    /// <summary>The boolean, when the value is one.</summary>
    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        var kind = node is JsonValue v ? v.GetValueKind() : JsonValueKind.Undefined;
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }
}
