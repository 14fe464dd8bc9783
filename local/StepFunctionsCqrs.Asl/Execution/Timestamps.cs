using System.Globalization;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>The ISO 8601 form the service uses for times in the context object.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
