using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$append, $sort, $reverse, $shuffle, $distinct, $zip.</summary>
internal static class ArrayFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("append", "<xx:a>", (a, _) => Append(a[0], a[1]));
        library.Define("sort", "<af?:a>", (a, f) => a[0] is JsonataArray items ? Sort(items, a[1] as JsonataFunction, f) : null);
        library.Define("reverse", "<a:a>", (a, _) => a[0] is JsonataArray items ? new JsonataArray(Enumerable.Reverse(items)) : null);
        library.Define("shuffle", "<a:a>", (a, f) => a[0] is JsonataArray items ? Shuffle(items, f.Run.Random) : null);
        library.Define("distinct", "<x:x>", (a, _) => Distinct(a[0]));
        library.Define("zip", "<a+>", (a, _) => Zip(a[0]));
    }

    public static object? Append(object? first, object? second)
    {
        if (first is null)
        {
            return second;
        }
        if (second is null)
        {
            return first;
        }
        var result = new JsonataArray();
        Add(result, first);
        Add(result, second);
        return result;
    }

    private static void Add(JsonataArray into, object value)
    {
        if (value is JsonataArray items)
        {
            into.AddRange(items);
        }
        else
        {
            into.Add(value);
        }
    }

    /// <summary>A stable merge sort; <paramref name="swap"/> says whether a belongs after b, the reference's comparator contract.</summary>
    public static JsonataArray MergeSort(IReadOnlyList<object?> items, Func<object?, object?, bool> swap)
    {
        if (items.Count <= 1)
        {
            return new JsonataArray(items);
        }
        var middle = items.Count / 2;
        var left = MergeSort(items.Take(middle).ToList(), swap);
        var right = MergeSort(items.Skip(middle).ToList(), swap);
        var result = new JsonataArray(items.Count);
        int l = 0, r = 0;
        while (l < left.Count && r < right.Count)
        {
            if (swap(left[l], right[r]))
            {
                result.Add(right[r++]);
            }
            else
            {
                result.Add(left[l++]);
            }
        }
        result.AddRange(left.Skip(l));
        result.AddRange(right.Skip(r));
        return result;
    }

    private static JsonataArray Sort(JsonataArray items, JsonataFunction? comparator, Evaluation.Frame frame)
    {
        if (comparator is not null)
        {
            return MergeSort(items, (a, b) => ValueTypes.IsTruthy(comparator.Invoke([a, b], null, frame)));
        }
        if (items.All(i => i is double))
        {
            return MergeSort(items, (a, b) => (double)a! > (double)b!);
        }
        if (items.All(i => i is string))
        {
            return MergeSort(items, (a, b) => string.CompareOrdinal((string)a!, (string)b!) > 0);
        }
        throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
    }

    private static JsonataArray Shuffle(JsonataArray items, Random random)
    {
        var result = new JsonataArray(items);
        for (var i = result.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }

    private static object? Distinct(object? value)
    {
        if (value is not JsonataArray items || items.Count <= 1)
        {
            return value;
        }
        var result = new JsonataArray { IsSequence = items.IsSequence };
        foreach (var item in items)
        {
            if (!result.Any(existing => DeepEquality.AreEqual(existing, item)))
            {
                result.Add(item);
            }
        }
        return result;
    }

    private static JsonataArray Zip(object? arrays)
    {
        var lists = ((JsonataArray)arrays!).Select(FunctionCalls.ToArray).ToList();
        var result = new JsonataArray();
        if (lists.Count == 0)
        {
            return result;
        }
        var length = lists.Min(l => l.Count);
        for (var i = 0; i < length; i++)
        {
            var tuple = new JsonataArray(lists.Count);
            foreach (var list in lists)
            {
                tuple.Add(list[i]);
            }
            result.Add(tuple);
        }
        return result;
    }
}
