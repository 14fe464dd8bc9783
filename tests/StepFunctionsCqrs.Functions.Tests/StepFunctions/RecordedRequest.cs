using System.Collections.Specialized;
using System.Text;
using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

/// <summary>One request as the loopback server received it.</summary>
public sealed record RecordedRequest(string Method, string RawUrl, NameValueCollection Headers, byte[] Body)
{
    /// <summary>A header value, or null when absent.</summary>
    public string? Header(string name) => Headers[name];

    /// <summary>The body parsed as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The body as text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);
}
