using System.Globalization;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$number, $abs, $floor, $ceil, $round (half to even), $power, $sqrt, $random.</summary>
internal static class NumericFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("number", "<(nsb)-:n>", (a, _) => ToNumber(a[0]));
        library.Define("abs", "<n-:n>", (a, _) => a[0] is double d ? Math.Abs(d) : null);
        library.Define("floor", "<n-:n>", (a, _) => a[0] is double d ? Math.Floor(d) : null);
        library.Define("ceil", "<n-:n>", (a, _) => a[0] is double d ? Math.Ceiling(d) : null);
        library.Define("round", "<n-n?:n>", (a, _) => a[0] is double d ? Round(d, a[1] is double p ? (int)p : 0) : null);
        library.Define("power", "<n-n:n>", (a, _) => a[0] is double d ? Power(d, (double)a[1]!) : null);
        library.Define("sqrt", "<n-:n>", (a, _) => a[0] is double d ? Sqrt(d) : null);
        library.Define("random", "<:n>", (_, f) => f.Run.Random.NextDouble());
    }

    private static object? ToNumber(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case double d:
                return d;
            case bool b:
                return b ? 1.0 : 0.0;
            case string s:
                var text = s.Trim();
                double parsed;
                if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
                {
                    parsed = hex;
                }
                else if (text.StartsWith("0b", StringComparison.OrdinalIgnoreCase) && text.Length > 2 && text[2..].All(c => c is '0' or '1'))
                {
                    parsed = Convert.ToInt64(text[2..], 2);
                }
                else if (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) && text.Length > 2 && text[2..].All(c => c is >= '0' and <= '7'))
                {
                    parsed = Convert.ToInt64(text[2..], 8);
                }
                else if (!IsJsonNumber(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed))
                {
                    throw new JsonataException("D3030", $"Unable to cast value to a number: {JsonText.Stringify(s, false)}");
                }
                return parsed;
            default:
                throw new JsonataException("D3030", "Unable to cast value to a number");
        }
    }

    // Only JSON's number syntax casts, so "1e3" does but "Infinity", " 12abc" and "" do not.
    private static bool IsJsonNumber(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$");

    /// <summary>Half-to-even rounding at a number of decimal places (negative rounds to tens, hundreds...).</summary>
    public static double Round(double value, int precision)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e27)
        {
            return value;
        }
        // Decimal holds the value as its shortest decimal text, so 2.675 rounds as the digits read, like the reference.
        var number = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (precision >= 0)
        {
            return (double)Math.Round(number, Math.Min(precision, 28), MidpointRounding.ToEven);
        }
        var scale = (decimal)Math.Pow(10, -precision);
        return (double)(Math.Round(number / scale, MidpointRounding.ToEven) * scale);
    }

    private static double Power(double value, double exponent)
    {
        var result = Math.Pow(value, exponent);
        if (!double.IsFinite(result))
        {
            throw new JsonataException("D3061", $"The power function has resulted in a value that cannot be represented as a JSON number: base={value}, exponent={exponent}");
        }
        return result;
    }

    private static double Sqrt(double value)
    {
        if (value < 0)
        {
            throw new JsonataException("D3060", $"The sqrt function cannot be applied to a negative number: {value}");
        }
        return Math.Sqrt(value);
    }
}
