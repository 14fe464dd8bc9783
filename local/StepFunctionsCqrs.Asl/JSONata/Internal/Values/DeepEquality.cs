namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>The = operator's structural equality over numbers, strings, booleans, null, arrays and objects.</summary>
internal static class DeepEquality
{
    public static bool AreEqual(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }
        switch (left)
        {
            case double ld:
                return right is double rd && ld == rd;
            case string ls:
                return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case bool lb:
                return right is bool rb && lb == rb;
            case JsonataNull:
                return right is JsonataNull;
            case JsonataArray l:
                if (right is not JsonataArray ra || ra.Count != l.Count)
                {
                    return false;
                }
                for (var i = 0; i < l.Count; i++)
                {
                    if (!AreEqual(l[i], ra[i]))
                    {
                        return false;
                    }
                }
                return true;
            case null:
                return right is null;
            default:
                if (!ObjectAccess.IsObject(left) || !ObjectAccess.IsObject(right))
                {
                    return false;
                }
                if (ObjectAccess.Count(left) != ObjectAccess.Count(right!))
                {
                    return false;
                }
                foreach (var (key, value) in ObjectAccess.Fields(left))
                {
                    if (!AreEqual(value, ObjectAccess.GetField(right!, key)))
                    {
                        return false;
                    }
                }
                return true;
        }
    }
}
