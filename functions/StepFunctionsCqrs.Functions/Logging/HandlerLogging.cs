using Microsoft.Extensions.Logging;

namespace StepFunctionsCqrs.Functions.Logging;

/// <summary>
/// The handlers' loggers: one JSON line per entry on stdout, which Lambda ships to CloudWatch Logs and Logs Insights reads
/// field by field. The level comes from Lambda's log level setting, else <see cref="LevelVariable"/>, else Information,
/// at which a healthy burst writes nothing: each invocation's own line is Debug.
/// </summary>
public static class HandlerLogging
{
    /// <summary>The level variable Lambda sets from the function's application log level.</summary>
    public const string LambdaLevelVariable = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>The level variable for hosts other than Lambda, such as the local cloud.</summary>
    public const string LevelVariable = "LOG_LEVEL";

    private static readonly Lazy<ILoggerFactory> Shared = new(() => Create(Console.Out, LevelFromEnvironment()));

    /// <summary>The process's loggers, writing to stdout at the level the environment names.</summary>
    public static ILoggerFactory Factory => Shared.Value;

    /// <summary>Loggers writing JSON lines to <paramref name="output"/> from <paramref name="minimum"/> up.</summary>
    public static ILoggerFactory Create(TextWriter output, LogLevel minimum) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new JsonLineLoggerProvider(output)));

    /// <summary>The level the environment names, Information when it names none.</summary>
    public static LogLevel LevelFromEnvironment() =>
        ParseLevel(Environment.GetEnvironmentVariable(LambdaLevelVariable) ?? Environment.GetEnvironmentVariable(LevelVariable));

    /// <summary>Reads Lambda's level names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) and .NET's; Information for anything else.</summary>
    public static LogLevel ParseLevel(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
