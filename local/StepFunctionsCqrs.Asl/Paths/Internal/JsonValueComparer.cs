using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Equality and ordering of JSON values as filters and intrinsics need them: numbers by value whatever their spelling.</summary>
internal static class JsonValueComparer
{
    /// <summary>Deep equality, treating <c>1</c> and <c>1.0</c> as equal.</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is JsonValue lv && right is JsonValue rv
            && lv.GetValueKind() == JsonValueKind.Number && rv.GetValueKind() == JsonValueKind.Number)
        {
            return JsonNumber.Compare(lv, rv) == 0;
        }

        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>Orders two numbers or two strings (ordinal); false for any other pair.</summary>
    public static bool TryCompareOrdered(JsonNode? left, JsonNode? right, out int order)
    {
        order = 0;
        if (left is not JsonValue lv || right is not JsonValue rv)
        {
            return false;
        }

        var lk = lv.GetValueKind();
        var rk = rv.GetValueKind();
        if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
        {
            order = JsonNumber.Compare(lv, rv);
            return true;
        }

        if (lk == JsonValueKind.String && rk == JsonValueKind.String)
        {
            order = string.CompareOrdinal(lv.GetValue<string>(), rv.GetValue<string>());
            return true;
        }

        return false;
    }
}
