using System.Globalization;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$now, $millis, $fromMillis, $toMillis in ISO 8601; the time is read once per evaluation.</summary>
/// <remarks>XPath picture strings are not supported: a picture argument fails with D3136 rather than formatting wrongly.</remarks>
internal static class DateTimeFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("now", "<s?s?:s>", (a, f) => { RefusePicture(a[0]); return Iso(f.Run.Now); });
        library.Define("millis", "<:n>", (_, f) => (double)f.Run.Now.ToUnixTimeMilliseconds());
        library.Define("fromMillis", "<n-s?s?:s>", (a, _) =>
        {
            if (a[0] is not double millis)
            {
                return null;
            }
            RefusePicture(a[1]);
            return Iso(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(millis)));
        });
        library.Define("toMillis", "<s-s?:n>", (a, _) =>
        {
            if (a[0] is not string text)
            {
                return null;
            }
            RefusePicture(a[1]);
            return ParseIso(text);
        });
    }

    private static void RefusePicture(object? picture)
    {
        if (picture is string)
        {
            throw new JsonataException("D3136", "Date/time picture strings are not supported by this evaluator");
        }
    }

    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy",
    ];

    private static double ParseIso(string text)
    {
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.ToUnixTimeMilliseconds();
        }
        throw new JsonataException("D3110", $"The timestamp {text} is not in ISO 8601 format");
    }
}
