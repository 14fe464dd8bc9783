using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Equality and ordering of JSON values as filters and intrinsics need them: numbers by value whatever their spelling.</summary>
internal static class JsonValueComparer
{
    /// <summary>Deep equality, treating <c>1</c> and <c>1.0</c> as equal at any depth and ignoring object field order.</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (JsonObject l, JsonObject r):
                if (l.Count != r.Count)
                {
                    return false;
                }

                foreach (var (key, value) in l)
                {
                    if (!r.TryGetPropertyValue(key, out var other) || !AreEqual(value, other))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray l, JsonArray r):
                if (l.Count != r.Count)
                {
                    return false;
                }

                for (var i = 0; i < l.Count; i++)
                {
                    if (!AreEqual(l[i], r[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonValue l, JsonValue r)
                when l.GetValueKind() == JsonValueKind.Number && r.GetValueKind() == JsonValueKind.Number:
                return JsonScalar.Compare(l, r) == 0;
            case (JsonValue l, JsonValue r):
                return JsonNode.DeepEquals(l, r);
            default:
                return false;
        }
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
            order = JsonScalar.Compare(lv, rv);
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
