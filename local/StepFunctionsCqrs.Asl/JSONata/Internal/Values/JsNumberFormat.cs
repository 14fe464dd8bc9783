using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>Writes numbers the way JavaScript's Number#toString does, since JSONata's results are specified by it.</summary>
internal static class JsNumberFormat
{
    public static string Format(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }
        // "R" gives the shortest round-trip digits; only the exponent layout differs from JavaScript's.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = value < 0;
        var digits = new StringBuilder();
        int exponent;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        var extra = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        mantissa = mantissa.TrimStart('-');
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - all.Length;
        // exponent = position of the decimal point relative to the first significant digit
        exponent = intPart.Length - leadingZeros + extra;
        digits.Append(all.TrimEnd('0'));
        var k = digits.Length;
        var n = exponent;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }
        var d = digits.ToString();
        if (k <= n && n <= 21)
        {
            sb.Append(d).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(d, 0, n).Append('.').Append(d, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(d);
        }
        else
        {
            sb.Append(d[0]);
            if (k > 1)
            {
                sb.Append('.').Append(d, 1, k - 1);
            }
            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Rounds to 15 significant digits, as the reference does before writing a number as text (so 0.1+0.2 gives 0.3).</summary>
    public static double ToPrecision15(double value)
    {
        if (value == Math.Floor(value))
        {
            return value;
        }
        return double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
