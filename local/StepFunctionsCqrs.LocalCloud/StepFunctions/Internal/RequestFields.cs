using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;

/// <summary>Reads the members of one request body, failing with ValidationException naming the member at fault.</summary>
internal sealed class RequestFields(string operation, JsonObject body)
{
    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value
            ? value
            : throw Invalid($"Value null at '{name}' failed to satisfy constraint: Member must not be null");

    public string? OptionalString(string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Invalid($"Member '{name}' must be a string, not {other.GetValueKind()}"),
    };

    public bool? OptionalBool(string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw Invalid($"Member '{name}' must be a boolean, not {other.GetValueKind()}"),
    };

    public int? OptionalInt(string name, int min, int max)
    {
        if (body[name] is null)
        {
            return null;
        }

        if (body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number))
        {
            return number >= min && number <= max
                ? number
                : throw Invalid($"Value '{number}' at '{name}' failed to satisfy constraint: Member must have value between {min} and {max}");
        }

        throw Invalid($"Member '{name}' must be an integer");
    }

    private StepFunctionsFault Invalid(string message) =>
        new(StepFunctionsErrorCodes.ValidationException, $"1 validation error detected in {operation}: {message}");
}
