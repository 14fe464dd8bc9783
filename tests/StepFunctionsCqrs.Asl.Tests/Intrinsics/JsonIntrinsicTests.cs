namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class JsonIntrinsicTests
{
    [Fact]
    public void StringToJson_parses_an_escaped_json_string()
    {
        IntrinsicAssert.Evaluates("""{ "foo": "bar" }""", "States.StringToJson($.escapedJsonString)", """{ "escapedJsonString": "{\"foo\": \"bar\"}" }""");
        IntrinsicAssert.Evaluates("[1,true]", "States.StringToJson('[1,true]')");
    }

    [Theory]
    [InlineData("States.StringToJson('')")]
    [InlineData("States.StringToJson('   ')")]
    [InlineData("States.StringToJson(null)")]
    public void StringToJson_of_blank_text_or_null_is_null(string text)
    {
        IntrinsicAssert.Evaluates("null", text);
    }

    [Fact]
    public void StringToJson_rejects_text_that_is_not_json()
    {
        Assert.Contains("not valid JSON", IntrinsicAssert.Fails("States.StringToJson('not json')"));
    }

    [Fact]
    public void StringToJson_requires_a_string()
    {
        Assert.Contains("must be a string", IntrinsicAssert.Fails("States.StringToJson($.o)", """{ "o": {} }"""));
    }

    [Fact]
    public void JsonToString_serializes_compactly()
    {
        IntrinsicAssert.Evaluates("\"{\\\"foo\\\":\\\"bar\\\",\\\"n\\\":[1,2.5]}\"", "States.JsonToString($.unescapedJson)", """{ "unescapedJson": { "foo": "bar", "n": [1, 2.5] } }""");
    }

    [Fact]
    public void JsonToString_does_not_escape_non_ascii_or_html_characters()
    {
        IntrinsicAssert.Evaluates("\"{\\\"s\\\":\\\"<é & ü>\\\"}\"", "States.JsonToString($.o)", """{ "o": { "s": "<é & ü>" } }""");
    }

    [Fact]
    public void JsonToString_of_a_string_quotes_it()
    {
        IntrinsicAssert.Evaluates("\"\\\"text\\\"\"", "States.JsonToString($.s)", """{ "s": "text" }""");
    }

    [Fact]
    public void JsonMerge_is_shallow_and_the_second_object_wins()
    {
        IntrinsicAssert.Evaluates(
            """{ "a": { "a3": 1, "a4": 2 }, "b": 2, "c": 3 }""",
            "States.JsonMerge($.json1, $.json2, false)",
            """{ "json1": { "a": { "a1": 1, "a2": 2 }, "b": 2 }, "json2": { "a": { "a3": 1, "a4": 2 }, "c": 3 } }""");
    }

    [Fact]
    public void JsonMerge_rejects_deep_merge_because_only_shallow_merging_is_supported()
    {
        Assert.Contains("only shallow merging is supported", IntrinsicAssert.Fails("States.JsonMerge($.a, $.b, true)", """{ "a": {}, "b": {} }"""));
    }

    [Fact]
    public void JsonMerge_requires_a_boolean_third_argument()
    {
        Assert.Contains("must be a boolean", IntrinsicAssert.Fails("States.JsonMerge($.a, $.b, 'false')", """{ "a": {}, "b": {} }"""));
    }

    [Fact]
    public void JsonMerge_requires_two_objects()
    {
        Assert.Contains("argument 1 ($.a) must be a JSON object", IntrinsicAssert.Fails("States.JsonMerge($.a, $.b, false)", """{ "a": [], "b": {} }"""));
        Assert.Contains("argument 2 ($.b) must be a JSON object", IntrinsicAssert.Fails("States.JsonMerge($.a, $.b, false)", """{ "a": {}, "b": 1 }"""));
    }
}
