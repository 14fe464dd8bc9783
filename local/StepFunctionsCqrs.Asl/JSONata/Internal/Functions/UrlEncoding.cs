using System.Text;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>JavaScript's encodeURIComponent / encodeURI character sets, which differ from <see cref="Uri.EscapeDataString"/>.</summary>
internal static class UrlEncoding
{
    private const string ComponentSafe = "-_.!~*'()";
    private const string UriSafe = "-_.!~*'();,/?:@&=+$#";

    public static string EncodeComponent(string text) => Encode(text, ComponentSafe);

    public static string Encode(string text) => Encode(text, UriSafe);

    public static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw new JsonataException("D3140", $"Malformed URL passed to decode: {text}");
        }
    }

    private static string Encode(string text, string safe)
    {
        var sb = new StringBuilder();
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || safe.Contains(c))
            {
                sb.Append(c);
                continue;
            }
            int length;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                length = Encoding.UTF8.GetBytes(text.AsSpan(i, 2), bytes);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new JsonataException("D3140", $"Malformed URL passed to encode: {text}");
            }
            else
            {
                length = Encoding.UTF8.GetBytes(text.AsSpan(i, 1), bytes);
            }
            for (var b = 0; b < length; b++)
            {
                sb.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
