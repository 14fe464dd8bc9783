using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths.Internal;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>The evaluated arguments of one call, with typed accessors that fail with States.IntrinsicFailure naming the argument.</summary>
internal sealed class IntrinsicArguments(string function, JsonNode?[] values, IReadOnlyList<IntrinsicArgument> written)
{
    /// <summary>How many arguments were passed.</summary>
    public int Count => values.Length;

    /// <summary>The raw value of argument <paramref name="index"/> (zero-based); may be shared, so read-only.</summary>
    public JsonNode? this[int index] => values[index];

    /// <summary>The argument as written in the call.</summary>
    public IntrinsicArgument Written(int index) => written[index];

    /// <summary>A copy of argument <paramref name="index"/> that can be attached to a result.</summary>
    public JsonNode? Copy(int index) => values[index]?.DeepClone();

    /// <summary>Argument <paramref name="index"/> as a string.</summary>
    public string String(int index)
    {
        if (JsonScalar.TryGetString(values[index], out var text))
        {
            return text;
        }

        throw WrongType(index, "a string");
    }

    /// <summary>Argument <paramref name="index"/> as an array (read-only).</summary>
    public JsonArray Array(int index) => values[index] as JsonArray ?? throw WrongType(index, "an array");

    /// <summary>Argument <paramref name="index"/> as an object (read-only).</summary>
    public JsonObject Object(int index) => values[index] as JsonObject ?? throw WrongType(index, "a JSON object");

    /// <summary>Argument <paramref name="index"/> as a boolean.</summary>
    public bool Boolean(int index) => JsonScalar.TryGetBoolean(values[index], out var value) ? value : throw WrongType(index, "a boolean");

    /// <summary>Argument <paramref name="index"/> as a whole number (<c>3.0</c> counts, <c>3.5</c> does not).</summary>
    public long Integer(int index) =>
        JsonScalar.TryGetInteger(values[index], out var value) ? value : throw WrongType(index, "an integer");

    /// <summary>Argument <paramref name="index"/> as a number rounded to the nearest integer, halves up, as Step Functions documents for its math and array functions.</summary>
    public long RoundedInteger(int index)
    {
        if (JsonScalar.TryGetInteger(values[index], out var whole))
        {
            return whole;
        }

        if (JsonScalar.TryGetDecimal(values[index], out var d))
        {
            var rounded = decimal.Floor(d + 0.5m);
            if (rounded >= long.MinValue && rounded <= long.MaxValue)
            {
                return (long)rounded;
            }
        }

        throw WrongType(index, "an integer");
    }

    /// <summary>A States.IntrinsicFailure naming this function and the problem.</summary>
    public StatesException Failure(string detail) =>
        new(ErrorNames.IntrinsicFailure, $"Invalid arguments in {function}: {detail}");

    /// <summary>A failure saying argument <paramref name="index"/> is not what was expected.</summary>
    public StatesException WrongType(int index, string expected) =>
        Failure($"argument {index + 1} ({written[index].Describe()}) must be {expected}, but was {Show(values[index])}.");

    private static string Show(JsonNode? node) => node is null ? "null" : $"{KindOf(node)} {Truncate(JsonText.Compact(node))}";

    private static string KindOf(JsonNode? node) => node switch
    {
        JsonObject => "the object",
        JsonArray => "the array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "the string",
            JsonValueKind.Number => "the number",
            _ => "the boolean",
        },
        _ => "the value",
    };

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
