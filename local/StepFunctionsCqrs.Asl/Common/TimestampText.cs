using System.Globalization;
using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>Timestamps as the language defines them: RFC3339 with an uppercase T and a Z or numeric offset.</summary>
public static partial class TimestampText
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    /// <summary>Parses a timestamp, returning false for anything that is not RFC3339.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Parses a timestamp the definition already validated.</summary>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not an RFC3339 timestamp such as 2016-03-14T01:59:00Z.");
}
