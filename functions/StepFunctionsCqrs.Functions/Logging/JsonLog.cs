using System.Text.Json;
using StepFunctionsCqrs.Functions.Json;

namespace StepFunctionsCqrs.Functions.Logging;

/// <summary>One JSON object per line on stdout, which Lambda ships to CloudWatch Logs as structured entries.</summary>
public static class JsonLog
{
    /// <summary>Writes an entry; <paramref name="fields"/> are merged into it.</summary>
    public static void Write(string level, string message, IReadOnlyDictionary<string, object?> fields)
    {
        var entry = new Dictionary<string, object?> { ["level"] = level, ["message"] = message };
        foreach (var (key, value) in fields)
        {
            entry[key] = value;
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(entry, HandlerJson.Options));
    }
}
