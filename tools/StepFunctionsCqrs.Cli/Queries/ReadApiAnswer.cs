using System.Text.Json;

namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>The read API's answer: an HTTP status and a JSON body.</summary>
public sealed record ReadApiAnswer(int StatusCode, string Body)
{
    /// <summary>Whether the API found what was asked for.</summary>
    public bool Found => StatusCode == 200;

    /// <summary>The error message of a non-200 answer, from the body's reason when it has one.</summary>
    public string ErrorMessage()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? Body;
            }
        }
        catch (JsonException)
        {
        }

        return $"HTTP {StatusCode}: {Body}";
    }
}
