using System.Text;
using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Calls a handler the way the Lambda runtime does: raw JSON bytes in, raw JSON bytes out.</summary>
public static class Lambda
{
    public static async Task<JsonElement> InvokeAsync(Func<Stream, Task<Stream>> handle, string json)
    {
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await using var output = await handle(input);
        using var document = await JsonDocument.ParseAsync(output);
        return document.RootElement.Clone();
    }

    public static Task<JsonElement> InvokeAsync(Func<Stream, Task<Stream>> handle, object input) =>
        InvokeAsync(handle, JsonSerializer.Serialize(input));
}
