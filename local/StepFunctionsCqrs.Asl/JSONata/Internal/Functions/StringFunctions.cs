using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$string, $substring, $pad, $split, $match, $replace, the base64 and URL encoders, and friends.</summary>
/// <remarks>Lengths and positions count code points, not UTF-16 units, as the reference does.</remarks>
internal static class StringFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("string", "<x-b?:s>", (a, _) => a[0] is null ? null : Stringify(a[0], a[1] is true));
        library.Define("length", "<s-:n>", (a, _) => a[0] is string s ? (double)CodePoints(s).Length : null);
        library.Define("substring", "<s-nn?:s>", (a, _) => a[0] is string s ? Substring(s, (double)a[1]!, a[2] as double?) : null);
        library.Define("substringBefore", "<s-s:s>", (a, _) => a[0] is string s ? (a[1] is string c && s.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : s) : null);
        library.Define("substringAfter", "<s-s:s>", (a, _) => a[0] is string s ? (a[1] is string c && s.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? s[(i + c.Length)..] : s) : null);
        library.Define("uppercase", "<s-:s>", (a, _) => (a[0] as string)?.ToUpperInvariant());
        library.Define("lowercase", "<s-:s>", (a, _) => (a[0] as string)?.ToLowerInvariant());
        library.Define("trim", "<s-:s>", (a, _) => a[0] is string s ? Regex.Replace(s, "[ \t\n\r]+", " ").Trim(' ') : null);
        library.Define("pad", "<s-ns?:s>", (a, _) => a[0] is string s ? Pad(s, (double)a[1]!, a[2] as string) : null);
        library.Define("contains", "<s-(sf):b>", (a, _) => a[0] is string s ? NodeConversion.Box(a[1] is string t ? s.Contains(t, StringComparison.Ordinal) : RegexOf(a[1]).IsMatch(s)) : null);
        library.Define("split", "<s-(sf)n?:a<s>>", (a, _) => a[0] is string s ? Split(s, a[1], a[2]) : null);
        library.Define("join", "<a<s>s?:s>", (a, _) => a[0] is JsonataArray items ? string.Join(a[1] as string ?? "", items.Cast<string>()) : null);
        library.Define("match", "<s-f<s:o>n?:a<o>>", (a, _) => a[0] is string s ? Match(s, a[1], a[2]) : null);
        library.Define("replace", "<s-(sf)(sf)n?:s>", (a, f) => a[0] is string s ? Replace(s, a[1], a[2], a[3], f) : null);
        library.Define("base64encode", "<s-:s>", (a, _) => a[0] is string s ? Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) : null);
        library.Define("base64decode", "<s-:s>", (a, _) => a[0] is string s ? Encoding.UTF8.GetString(Convert.FromBase64String(s)) : null);
        library.Define("encodeUrlComponent", "<s-:s>", (a, _) => a[0] is string s ? UrlEncoding.EncodeComponent(s) : null);
        library.Define("encodeUrl", "<s-:s>", (a, _) => a[0] is string s ? UrlEncoding.Encode(s) : null);
        library.Define("decodeUrlComponent", "<s-:s>", (a, _) => a[0] is string s ? UrlEncoding.Decode(s) : null);
        library.Define("decodeUrl", "<s-:s>", (a, _) => a[0] is string s ? UrlEncoding.Decode(s) : null);
        library.Define("formatNumber", "<n-so?:s>", (a, _) => a[0] is double d ? NumberPicture.Format(d, (string)a[1]!, a[2]) : null);
        library.Define("formatBase", "<n-n?:s>", (a, _) => a[0] is double d ? FormatBase(d, a[1] as double?) : null);
    }

    /// <summary>$string: strings as they are, numbers to 15 significant digits, everything else as compact JSON.</summary>
    public static string Stringify(object? value, bool pretty = false)
    {
        switch (value)
        {
            case string s:
                return s;
            case JsonataFunction:
                return "";
            case double d:
                if (!double.IsFinite(d))
                {
                    throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN");
                }
                return JsNumberFormat.Format(JsNumberFormat.ToPrecision15(d));
            case JsonataArray { IsOuterWrapper: true } wrapper:
                return JsonText.Stringify(wrapper[0], pretty);
            default:
                return JsonText.Stringify(value, pretty);
        }
    }

    private static int[] CodePoints(string s)
    {
        var points = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            points.Add(char.ConvertToUtf32(s, i));
            if (char.IsHighSurrogate(s[i]))
            {
                i++;
            }
        }
        return [.. points];
    }

    private static string FromCodePoints(int[] points, int start, int count)
    {
        var sb = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            sb.Append(char.ConvertFromUtf32(points[i]));
        }
        return sb.ToString();
    }

    private static string Substring(string s, double start, double? length)
    {
        var points = CodePoints(s);
        var size = points.Length;
        var from = (int)Math.Round(start, MidpointRounding.AwayFromZero);
        if (size + from < 0)
        {
            from = 0;
        }
        if (from < 0)
        {
            from = size + from;
        }
        if (from > size)
        {
            return "";
        }
        if (length is not { } l)
        {
            return FromCodePoints(points, from, size - from);
        }
        if (l <= 0)
        {
            return "";
        }
        var end = (int)Math.Min(size, from + Math.Round(l, MidpointRounding.AwayFromZero));
        return FromCodePoints(points, from, Math.Max(0, end - from));
    }

    private static string Pad(string s, double width, string? padding)
    {
        padding = string.IsNullOrEmpty(padding) ? " " : padding;
        var length = CodePoints(s).Length;
        var wanted = (int)Math.Abs(width) - length;
        if (wanted <= 0)
        {
            return s;
        }
        var padPoints = CodePoints(padding);
        var pad = new StringBuilder();
        for (var i = 0; i < wanted; i++)
        {
            pad.Append(char.ConvertFromUtf32(padPoints[i % padPoints.Length]));
        }
        return width > 0 ? s + pad : pad + s;
    }

    private static Regex RegexOf(object? pattern) => ((RegexFunction)pattern!).Regex;

    private static JsonataArray Split(string s, object? separator, object? limitValue)
    {
        if (limitValue is double limit && limit < 0)
        {
            throw new JsonataException("D3020", "Third argument of split function must evaluate to a positive number");
        }
        IEnumerable<string> parts = separator is string text
            ? (text.Length == 0 ? CodePoints(s).Select(char.ConvertFromUtf32) : s.Split(text))
            : RegexOf(separator).Split(s);
        var result = new JsonataArray();
        foreach (var part in parts)
        {
            if (limitValue is double max && result.Count >= Math.Floor(max))
            {
                break;
            }
            result.Add(part);
        }
        return result;
    }

    private static JsonataArray Match(string s, object? pattern, object? limitValue)
    {
        if (limitValue is double limit && limit < 0)
        {
            throw new JsonataException("D3040", "Third argument of match function must evaluate to a positive number");
        }
        var result = new JsonataArray();
        foreach (Match match in RegexOf(pattern).Matches(s))
        {
            if (limitValue is double max && result.Count >= max)
            {
                break;
            }
            result.Add(RegexFunction.ToMatchObject(match));
        }
        return result;
    }

    private static string Replace(string s, object? pattern, object? replacement, object? limitValue, Evaluation.Frame frame)
    {
        if (pattern is "")
        {
            throw new JsonataException("D3010", "Second argument of replace function cannot be an empty string");
        }
        if (limitValue is double l && l < 0)
        {
            throw new JsonataException("D3011", "Fourth argument of replace function must evaluate to a positive number");
        }
        var limit = limitValue is double max ? (int)max : int.MaxValue;
        if (pattern is string text)
        {
            var sb = new StringBuilder();
            var position = 0;
            var count = 0;
            while (count < limit)
            {
                var index = s.IndexOf(text, position, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }
                sb.Append(s, position, index - position).Append(replacement is string r ? r : Stringify(((JsonataFunction)replacement!).Invoke([text], null, frame)));
                position = index + text.Length;
                count++;
            }
            return sb.Append(s, position, s.Length - position).ToString();
        }
        var regex = RegexOf(pattern);
        return regex.Replace(s, match =>
        {
            if (replacement is string template)
            {
                return ExpandTemplate(template, match);
            }
            var value = ((JsonataFunction)replacement!).Invoke([RegexFunction.ToMatchObject(match)], null, frame);
            if (value is not string str)
            {
                throw new JsonataException("D3012", "Attempted to replace a matched string with a non-string value");
            }
            return str;
        }, limit);
    }

    /// <summary>$0 is the match, $1.. the groups, $$ a dollar; a $n beyond the groups drops digits until one exists.</summary>
    private static string ExpandTemplate(string template, Match match)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                sb.Append(c);
                continue;
            }
            var next = template[i + 1];
            if (next == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }
            if (!char.IsAsciiDigit(next))
            {
                sb.Append(c);
                continue;
            }
            var j = i + 1;
            while (j < template.Length && char.IsAsciiDigit(template[j]))
            {
                j++;
            }
            var digits = template[(i + 1)..j];
            var used = digits.Length;
            while (used > 1 && int.Parse(digits[..used], CultureInfo.InvariantCulture) >= match.Groups.Count)
            {
                used--;
            }
            var group = int.Parse(digits[..used], CultureInfo.InvariantCulture);
            if (group < match.Groups.Count)
            {
                sb.Append(match.Groups[group].Value);
            }
            i += used;
        }
        return sb.ToString();
    }

    private static string FormatBase(double value, double? radixValue)
    {
        var number = (long)NumericFunctions.Round(value, 0);
        var radix = radixValue is { } r ? (int)NumericFunctions.Round(r, 0) : 10;
        if (radix < 2 || radix > 36)
        {
            throw new JsonataException("D3100", $"The radix of the formatBase function must be between 2 and 36.  It was given {radix}");
        }
        if (number == 0)
        {
            return "0";
        }
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var negative = number < 0;
        var magnitude = (ulong)Math.Abs(number);
        var sb = new StringBuilder();
        while (magnitude > 0)
        {
            sb.Insert(0, Digits[(int)(magnitude % (ulong)radix)]);
            magnitude /= (ulong)radix;
        }
        return negative ? "-" + sb : sb.ToString();
    }
}
