using System.Text.Json;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Logging;

namespace StepFunctionsCqrs.Functions.Tests.Logging;

/// <summary>The handlers' real loggers writing into memory, and the lines they wrote read back as JSON.</summary>
public sealed class LogCapture : IDisposable
{
    private readonly StringWriter output = new();

    public LogCapture(LogLevel minimum) => Loggers = HandlerLogging.Create(TextWriter.Synchronized(output), minimum);

    public ILoggerFactory Loggers { get; }

    /// <summary>Every line written, each parsed on its own: one JSON object per line or the test fails.</summary>
    public IReadOnlyList<LogLine> Lines => [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(LogLine.Parse)];

    public void Dispose() => Loggers.Dispose();
}

/// <summary>One JSON console line: its level, message, state fields and every scope's fields merged.</summary>
public sealed record LogLine(string Level, string Message, IReadOnlyDictionary<string, string?> Fields)
{
    public static LogLine Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (root.TryGetProperty("State", out var state))
        {
            Merge(state, fields);
        }

        if (root.TryGetProperty("Scopes", out var scopes))
        {
            foreach (var scope in scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
            {
                Merge(scope, fields);
            }
        }

        if (root.TryGetProperty("Exception", out var exception))
        {
            fields["Exception"] = exception.GetString();
        }

        return new LogLine(root.GetProperty("LogLevel").GetString()!, root.GetProperty("Message").GetString()!, fields);
    }

    public string? this[string field] => Fields.GetValueOrDefault(field);

    private static void Merge(JsonElement source, Dictionary<string, string?> fields)
    {
        foreach (var property in source.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }
    }
}
