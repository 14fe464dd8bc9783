using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$map, $filter, $single, $reduce.</summary>
internal static class HigherOrderFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("map", "<af>", (a, f) =>
        {
            if (a[0] is not JsonataArray items)
            {
                return null;
            }
            var function = (JsonataFunction)a[1]!;
            var result = JsonataArray.Sequence();
            for (var i = 0; i < items.Count; i++)
            {
                if (FunctionCalls.CallWithItem(function, f, items[i], i, items) is { } value)
                {
                    result.Add(value);
                }
            }
            return result;
        });
        library.Define("filter", "<af>", (a, f) =>
        {
            if (a[0] is not JsonataArray items)
            {
                return null;
            }
            var function = (JsonataFunction)a[1]!;
            var result = JsonataArray.Sequence();
            for (var i = 0; i < items.Count; i++)
            {
                if (ValueTypes.IsTruthy(FunctionCalls.CallWithItem(function, f, items[i], i, items)))
                {
                    result.Add(items[i]);
                }
            }
            return result;
        });
        library.Define("single", "<af?>", (a, f) =>
        {
            if (a[0] is not JsonataArray items)
            {
                return null;
            }
            var function = a[1] as JsonataFunction;
            object? found = null;
            var matches = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (function is null || ValueTypes.IsTruthy(FunctionCalls.CallWithItem(function, f, items[i], i, items)))
                {
                    if (++matches > 1)
                    {
                        throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.");
                    }
                    found = items[i];
                }
            }
            if (matches == 0)
            {
                throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
            }
            return found;
        });
        library.Define("reduce", "<afj?:j>", (a, f) =>
        {
            if (a[0] is not JsonataArray items)
            {
                return null;
            }
            var function = (JsonataFunction)a[1]!;
            if (function.Arity < 2)
            {
                throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments");
            }
            var start = 0;
            var accumulator = a[2];
            if (accumulator is null && items.Count > 0)
            {
                accumulator = items[0];
                start = 1;
            }
            for (var i = start; i < items.Count; i++)
            {
                object?[] arguments = function.Arity switch
                {
                    2 => [accumulator, items[i]],
                    3 => [accumulator, items[i], (double)i],
                    _ => [accumulator, items[i], (double)i, items],
                };
                accumulator = function.Invoke(arguments, null, f);
            }
            return accumulator;
        });
    }
}
