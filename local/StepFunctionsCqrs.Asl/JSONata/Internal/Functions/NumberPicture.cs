using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>
/// $formatNumber's decimal-format pictures in their common form: a prefix, digits with '0' (mandatory) and '#'
/// (optional), a ',' grouping separator, a '.' decimal point, an optional '%' or per-mille, and a suffix.
/// </summary>
internal static class NumberPicture
{
    public static string Format(double value, string picture, object? options)
    {
        var first = picture.IndexOfAny("0123456789#".ToCharArray());
        var last = picture.LastIndexOfAny("0123456789#".ToCharArray());
        if (first < 0)
        {
            throw new JsonataException("D3085", "The picture string must contain at least one digit");
        }
        var prefix = picture[..first];
        var body = picture[first..(last + 1)];
        var suffix = picture[(last + 1)..];
        if (suffix.Contains('%'))
        {
            value *= 100;
        }
        else if (suffix.Contains('‰'))
        {
            value *= 1000;
        }
        var dot = body.IndexOf('.');
        var integerPart = dot >= 0 ? body[..dot] : body;
        var fractionPart = dot >= 0 ? body[(dot + 1)..] : "";
        var minInteger = integerPart.Count(char.IsAsciiDigit);
        var minFraction = fractionPart.Count(char.IsAsciiDigit);
        var maxFraction = fractionPart.Count(c => char.IsAsciiDigit(c) || c == '#');
        var groupAt = integerPart.LastIndexOf(',');
        var groupSize = groupAt >= 0 ? integerPart.Length - groupAt - 1 : 0;

        var rounded = NumericFunctions.Round(Math.Abs(value), maxFraction);
        var text = rounded.ToString("F" + maxFraction, CultureInfo.InvariantCulture);
        var textDot = text.IndexOf('.');
        var digits = textDot >= 0 ? text[..textDot] : text;
        var fraction = textDot >= 0 ? text[(textDot + 1)..] : "";
        while (fraction.Length > minFraction && fraction.EndsWith('0'))
        {
            fraction = fraction[..^1];
        }
        digits = digits.TrimStart('0');
        if (digits.Length < minInteger)
        {
            digits = new string('0', minInteger - digits.Length) + digits;
        }
        if (groupSize > 0)
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < digits.Length; i++)
            {
                if (i > 0 && (digits.Length - i) % groupSize == 0)
                {
                    grouped.Append(',');
                }
                grouped.Append(digits[i]);
            }
            digits = grouped.ToString();
        }
        var sb = new StringBuilder();
        if (value < 0 && rounded != 0)
        {
            sb.Append('-');
        }
        sb.Append(prefix).Append(digits);
        if (fraction.Length > 0)
        {
            sb.Append('.').Append(fraction);
        }
        return sb.Append(suffix).ToString();
    }
}
