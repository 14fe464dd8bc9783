using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace StepFunctionsCqrs.Functions.Logging;

/// <summary>
/// Writes each entry as one line of the JSON console formatter's output, synchronously: Lambda may freeze the process as
/// soon as a handler returns, and the console logger's background queue would then hold the invocation's last lines.
/// </summary>
public sealed class JsonLineLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter formatter;
    private readonly TextWriter output;
    private readonly Lock gate = new();
    private readonly ServiceProvider formatters;
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    /// <summary>Writes to <paramref name="output"/>, with the scopes of each entry and UTC timestamps.</summary>
    public JsonLineLoggerProvider(TextWriter output)
    {
        this.output = output;
        // The JSON formatter is only reachable through the logging services that register it.
        formatters = new ServiceCollection()
            .AddLogging(builder => builder.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            }))
            .BuildServiceProvider();
        formatter = formatters.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose() => formatters.Dispose();

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var line = new StringWriter();
        formatter.Write(entry, scopes, line);
        lock (gate)
        {
            output.Write(line.ToString());
            output.Flush();
        }
    }

    private sealed class Logger(JsonLineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
    }
}
