using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.JSONata;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

internal static class JsonataAssert
{
    /// <summary>The docs' sample document, used by most examples in the JSONata documentation.</summary>
    public const string Address = """
    {
      "FirstName": "Fred",
      "Surname": "Smith",
      "Age": 28,
      "Address": { "Street": "Hursley Park", "City": "Winchester", "Postcode": "SO21 2JN" },
      "Phone": [
        { "type": "home", "number": "0203 544 1234" },
        { "type": "office", "number": "01962 001234" },
        { "type": "office", "number": "01962 001235" },
        { "type": "mobile", "number": "077 7700 1234" }
      ],
      "Email": [
        { "type": "work", "address": ["fred.smith@my-work.com", "fsmith@my-work.com"] },
        { "type": "home", "address": ["freddy@my-social.com", "frederic.smith@very-serious.com"] }
      ],
      "Other": {
        "Over 18 ?": true,
        "Misc": null,
        "Alternative.Address": { "Street": "Brick Lane", "City": "London", "Postcode": "E1 6RF" }
      }
    }
    """;

    public static JsonNode? Evaluate(string expression, string? input = null, IReadOnlyDictionary<string, JsonNode?>? bindings = null) =>
        JsonataExpression.Parse(expression).Evaluate(input is null ? null : JsonNode.Parse(input), bindings);

    public static void Evaluates(string expectedJson, string expression, string? input = null)
    {
        var actual = Evaluate(expression, input);
        Assert.True(actual is not null, $"{expression} gave undefined, expected {expectedJson}");
        var expected = JsonNode.Parse(expectedJson);
        if (expected is null)
        {
            Assert.Equal(JsonValueKind.Null, actual.GetValueKind());
            return;
        }
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{expression}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
    }

    public static void IsUndefined(string expression, string? input = null) =>
        Assert.Null(Evaluate(expression, input));

    public static JsonataException Fails(string code, string expression, string? input = null)
    {
        var error = Assert.Throws<JsonataException>(() => Evaluate(expression, input));
        Assert.Equal(code, error.Code);
        return error;
    }
}
