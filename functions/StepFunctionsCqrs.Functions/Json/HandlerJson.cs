using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepFunctionsCqrs.Functions.Json;

/// <summary>The JSON conventions of every handler's input and output: camelCase, enums as names, ISO dates.</summary>
public static class HandlerJson
{
    /// <summary>Options shared by all handlers.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Step Functions and other JSON tooling do not promise key order, so an event's "type" may come after its fields.
        AllowOutOfOrderMetadataProperties = true,
        // Responses are JSON, never embedded in HTML, so quotes and apostrophes in messages stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads the whole input as one JSON value of the given shape.</summary>
    public static async Task<T> ReadAsync<T>(Stream input, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<T>(input, Options, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException($"The input is null; expected a {typeof(T).Name} object.");

    /// <summary>Writes a value as the handler's response stream.</summary>
    public static Stream Write<T>(T value) => new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, Options));
}
