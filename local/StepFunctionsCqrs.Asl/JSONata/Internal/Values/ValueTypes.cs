namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>Type tests, the signature symbols (s n b l a o f) and JSONata's truthiness.</summary>
internal static class ValueTypes
{
    public static bool IsNumber(object? value) => value is double;

    public static bool IsInteger(object? value) => value is double d && d == Math.Floor(d) && !double.IsInfinity(d);

    public static bool IsArrayOfNumbers(object? value)
    {
        if (value is not JsonataArray array)
        {
            return false;
        }
        foreach (var item in array)
        {
            if (item is not double)
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsArrayOfStrings(object? value)
    {
        if (value is not JsonataArray array)
        {
            return false;
        }
        foreach (var item in array)
        {
            if (item is not string)
            {
                return false;
            }
        }
        return true;
    }

    public static char Symbol(object? value) => value switch
    {
        null => 'm',
        string => 's',
        double => 'n',
        bool => 'b',
        JsonataNull => 'l',
        JsonataFunction => 'f',
        JsonataArray => 'a',
        _ => 'o',
    };

    public static string TypeName(object? value) => value switch
    {
        null => "undefined",
        string => "string",
        double => "number",
        bool => "boolean",
        JsonataNull => "null",
        JsonataFunction => "function",
        JsonataArray => "array",
        _ => "object",
    };

    /// <summary>$boolean's rules; undefined (C# null) when the argument is undefined.</summary>
    public static bool? ToBoolean(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonataArray array:
                if (array.Count == 1)
                {
                    return ToBoolean(array[0]);
                }
                foreach (var item in array)
                {
                    if (ToBoolean(item) == true)
                    {
                        return true;
                    }
                }
                return false;
            case string s:
                return s.Length > 0;
            case double d:
                return d != 0;
            case bool b:
                return b;
            case JsonataNull:
                return false;
            case JsonataFunction:
                return false;
            default:
                return ObjectAccess.Count(value) > 0;
        }
    }

    public static bool IsTruthy(object? value) => ToBoolean(value) == true;
}
