using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$keys, $lookup, $spread, $merge, $each, $sift, $error, $assert, $type.</summary>
internal static class ObjectFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("keys", "<x-:a<s>>", (a, _) => Keys(a[0]));
        library.Define("lookup", "<x-s:x>", (a, _) => Ast.NameNode.Lookup(a[0], (string)a[1]!));
        library.Define("spread", "<x-:a<o>>", (a, _) => Spread(a[0]));
        library.Define("merge", "<a<o>:o>", (a, _) => Merge(a[0]));
        library.Define("each", "<o-f:a>", (a, f) => a[0] is { } obj ? Each(obj, (JsonataFunction)a[1]!, f) : null);
        library.Define("sift", "<o-f?:o>", (a, f) => a[0] is { } obj ? Sift(obj, (JsonataFunction)a[1]!, f) : null);
        library.Define("error", "<s?:x>", (a, _) => throw new JsonataException("D3137", a[0] as string ?? "$error() function evaluated"));
        library.Define("assert", "<bs?:x>", (a, _) => a[0] is true ? null : throw new JsonataException("D3141", a[1] as string ?? "$assert() statement failed"));
        library.Define("type", "<x:s>", (a, _) => a[0] is null ? null : ValueTypes.TypeName(a[0]));
    }

    private static object? Keys(object? value)
    {
        var result = JsonataArray.Sequence();
        if (value is JsonataArray items)
        {
            foreach (var item in items)
            {
                if (ObjectAccess.IsObject(item))
                {
                    foreach (var key in ObjectAccess.Keys(item!))
                    {
                        if (!result.Contains(key))
                        {
                            result.Add(key);
                        }
                    }
                }
            }
        }
        else if (ObjectAccess.IsObject(value))
        {
            result.AddRange(ObjectAccess.Keys(value!));
        }
        return result.Count == 0 ? null : result;
    }

    private static object? Spread(object? value)
    {
        if (value is JsonataArray items)
        {
            var all = JsonataArray.Sequence();
            foreach (var item in items)
            {
                if (Spread(item) is { } spread)
                {
                    if (spread is JsonataArray parts)
                    {
                        all.AddRange(parts);
                    }
                    else
                    {
                        all.Add(spread);
                    }
                }
            }
            return all;
        }
        if (!ObjectAccess.IsObject(value))
        {
            return value;
        }
        var result = JsonataArray.Sequence();
        foreach (var (key, field) in ObjectAccess.Fields(value!))
        {
            result.Add(new JsonataObject { [key] = field });
        }
        return result;
    }

    private static object? Merge(object? value)
    {
        if (value is not JsonataArray items)
        {
            return null;
        }
        var result = new JsonataObject();
        foreach (var item in items)
        {
            foreach (var (key, field) in ObjectAccess.Fields(item!))
            {
                result[key] = field;
            }
        }
        return result;
    }

    private static object? Each(object obj, JsonataFunction function, Evaluation.Frame frame)
    {
        var result = JsonataArray.Sequence();
        foreach (var (key, field) in ObjectAccess.Fields(obj))
        {
            object?[] arguments = function.Arity switch
            {
                <= 1 => [field],
                2 => [field, key],
                _ => [field, key, obj],
            };
            if (function.Invoke(arguments, null, frame) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }

    private static object? Sift(object obj, JsonataFunction function, Evaluation.Frame frame)
    {
        var result = new JsonataObject();
        foreach (var (key, field) in ObjectAccess.Fields(obj))
        {
            object?[] arguments = function.Arity switch
            {
                <= 1 => [field],
                2 => [field, key],
                _ => [field, key, obj],
            };
            if (ValueTypes.IsTruthy(function.Invoke(arguments, null, frame)))
            {
                result[key] = field;
            }
        }
        return result.Count == 0 ? null : result;
    }
}
