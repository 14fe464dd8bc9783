using System.Text.Json;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>The command an invocation is for, read from the places the workflow puts it in each function's input.</summary>
public static class InvocationCommandId
{
    /// <summary>The id at <c>command.commandId</c>, <c>commandId</c> or <c>commit.commandId</c>; null when the input has none.</summary>
    public static string? Read(Stream input)
    {
        try
        {
            using var document = JsonDocument.Parse(input);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var holder in new[] { "command", "commit" })
            {
                if (root.TryGetProperty(holder, out var inner) && inner.ValueKind == JsonValueKind.Object && StringAt(inner) is { } nested)
                {
                    return nested;
                }
            }

            return StringAt(root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringAt(JsonElement element) =>
        element.TryGetProperty("commandId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
