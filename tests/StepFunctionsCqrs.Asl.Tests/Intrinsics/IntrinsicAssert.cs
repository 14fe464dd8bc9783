using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

/// <summary>Evaluates intrinsic text against a JSON input and compares or captures the outcome.</summary>
internal static class IntrinsicAssert
{
    /// <summary>Parses and evaluates <paramref name="text"/> against <paramref name="input"/>.</summary>
    public static JsonNode? Evaluate(string text, string input = "{}", Random? random = null) =>
        IntrinsicExpression.Parse(text).Evaluate(new PathScope(JsonNode.Parse(input), null, null, random));

    /// <summary>Asserts the result equals <paramref name="expectedJson"/>.</summary>
    public static void Evaluates(string expectedJson, string text, string input = "{}")
    {
        var actual = Evaluate(text, input);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual), $"{text} gave {actual?.ToJsonString() ?? "null"}");
    }

    /// <summary>Asserts evaluation fails with States.IntrinsicFailure and returns the cause.</summary>
    public static string Fails(string text, string input = "{}")
    {
        var error = Assert.Throws<StatesException>(() => Evaluate(text, input));
        Assert.Equal(ErrorNames.IntrinsicFailure, error.Error);
        return error.Cause;
    }
}
