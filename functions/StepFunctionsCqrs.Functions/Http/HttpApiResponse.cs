using System.Text.Json;
using StepFunctionsCqrs.Functions.Json;

namespace StepFunctionsCqrs.Functions.Http;

/// <summary>The response an HTTP API proxy integration expects.</summary>
public sealed record HttpApiResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A JSON response.</summary>
    public static HttpApiResponse Json<T>(int statusCode, T body) =>
        new(statusCode, new Dictionary<string, string> { ["content-type"] = "application/json" }, JsonSerializer.Serialize(body, HandlerJson.Options));
}
