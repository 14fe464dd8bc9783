using Microsoft.Extensions.Logging;

namespace StepFunctionsCqrs.Functions.Logging;

/// <summary>An <see cref="ILogger"/> that writes each entry as one <see cref="JsonLog"/> line, the format Lambda ships to CloudWatch Logs.</summary>
public sealed class JsonLineLogger(string category) : ILogger
{
    /// <summary>A logger named after <typeparamref name="T"/>.</summary>
    public static ILogger For<T>() => new JsonLineLogger(typeof(T).Name);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var fields = new Dictionary<string, object?> { ["category"] = category };
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values.Where(v => v.Key != "{OriginalFormat}"))
            {
                fields[char.ToLowerInvariant(key[0]) + key[1..]] = value;
            }
        }

        if (exception is not null)
        {
            fields["error"] = exception.Message;
        }

        JsonLog.Write(logLevel.ToString().ToUpperInvariant(), formatter(state, exception), fields);
    }
}
