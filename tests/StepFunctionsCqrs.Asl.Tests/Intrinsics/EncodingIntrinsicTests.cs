namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class EncodingIntrinsicTests
{
    [Fact]
    public void Base64Encode_encodes_the_example_from_the_developer_guide()
    {
        IntrinsicAssert.Evaluates("\"RGF0YSB0byBlbmNvZGU=\"", "States.Base64Encode($.input)", """{ "input": "Data to encode" }""");
    }

    [Fact]
    public void Base64Decode_decodes_the_example_from_the_developer_guide()
    {
        IntrinsicAssert.Evaluates("\"Data to encode\"", "States.Base64Decode($.base64)", """{ "base64": "RGF0YSB0byBlbmNvZGU=" }""");
    }

    [Fact]
    public void Base64_round_trips_non_ascii_text_as_utf8()
    {
        IntrinsicAssert.Evaluates("\"w6lsw6h2ZSDwn5qA\"", "States.Base64Encode('élève 🚀')");
        IntrinsicAssert.Evaluates("\"élève 🚀\"", "States.Base64Decode(States.Base64Encode('élève 🚀'))");
    }

    [Fact]
    public void Base64Encode_accepts_up_to_10000_characters()
    {
        var input = $$"""{ "s": "{{new string('a', 10_000)}}" }""";
        Assert.NotNull(IntrinsicAssert.Evaluate("States.Base64Encode($.s)", input));
        var tooLong = $$"""{ "s": "{{new string('a', 10_001)}}" }""";
        Assert.Contains("at most 10000", IntrinsicAssert.Fails("States.Base64Encode($.s)", tooLong));
    }

    [Fact]
    public void Base64Decode_accepts_up_to_10000_characters()
    {
        var tooLong = $$"""{ "s": "{{new string('A', 10_004)}}" }""";
        Assert.Contains("at most 10000", IntrinsicAssert.Fails("States.Base64Decode($.s)", tooLong));
    }

    [Fact]
    public void Base64Decode_rejects_text_that_is_not_base64()
    {
        Assert.Contains("not valid Base64", IntrinsicAssert.Fails("States.Base64Decode('not base64!')"));
    }

    [Fact]
    public void Base64_functions_require_a_string()
    {
        Assert.Contains("must be a string", IntrinsicAssert.Fails("States.Base64Encode(12)"));
        Assert.Contains("must be a string", IntrinsicAssert.Fails("States.Base64Decode(null)"));
    }
}
