using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class FormatTests
{
    private const string Input = """{ "name": "Arnav", "template": "Hello, my name is {}.", "n": 42, "f": 1.5, "yes": true, "none": null, "list": [1, "a", [true]], "obj": { "Arg1": 1, "Arg2": [] } }""";

    [Fact]
    public void Format_replaces_each_placeholder_with_the_positionally_corresponding_argument()
    {
        IntrinsicAssert.Evaluates("\"Hello, my name is Arnav.\"", "States.Format('Hello, my name is {}.', $.name)", Input);
    }

    [Fact]
    public void Format_accepts_the_template_from_a_path()
    {
        IntrinsicAssert.Evaluates("\"Hello, my name is Arnav.\"", "States.Format($.template, $.name)", Input);
    }

    [Fact]
    public void Format_with_no_placeholders_returns_the_template()
    {
        IntrinsicAssert.Evaluates("\"plain\"", "States.Format('plain')", Input);
    }

    [Fact]
    public void Format_renders_numbers_booleans_and_null_as_json_text()
    {
        IntrinsicAssert.Evaluates("\"42 1.5 true null -7\"", "States.Format('{} {} {} {} {}', $.n, $.f, $.yes, $.none, -7)", Input);
    }

    [Fact]
    public void Format_renders_arrays_and_objects_the_way_the_service_prints_them()
    {
        IntrinsicAssert.Evaluates("\"[1, a, [true]] {Arg1=1, Arg2=[]}\"", "States.Format('{} {}', $.list, $.obj)", Input);
    }

    [Fact]
    public void Escaped_braces_are_literal_text_not_placeholders()
    {
        IntrinsicAssert.Evaluates("\"{}: Arnav {x}\"", @"States.Format('\{\}: {} \{x\}', $.name)", Input);
    }

    [Fact]
    public void Escaped_quote_and_backslash_appear_in_the_output()
    {
        IntrinsicAssert.Evaluates("\"it's C:\\\\dir Arnav\"", @"States.Format('it\'s C:\\dir {}', $.name)", Input);
    }

    [Fact]
    public void The_number_of_arguments_must_match_the_placeholders_in_a_literal_template_at_parse_time()
    {
        var error = Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse("States.Format('{} and {}', $.name)"));

        Assert.Contains("2 placeholder(s)", error.Message);
        Assert.Contains("1 value argument(s)", error.Message);
    }

    [Fact]
    public void Too_many_arguments_for_a_literal_template_are_rejected_at_parse_time()
    {
        Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse("States.Format('none', 1)"));
    }

    [Fact]
    public void A_template_from_a_path_with_the_wrong_number_of_arguments_fails_with_States_IntrinsicFailure()
    {
        var cause = IntrinsicAssert.Fails("States.Format($.template)", Input);

        Assert.Contains("States.Format", cause);
        Assert.Contains("1 placeholder(s)", cause);
    }

    [Fact]
    public void A_literal_non_string_template_is_rejected_at_parse_time()
    {
        Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse("States.Format(42)"));
    }

    [Fact]
    public void A_template_from_a_path_must_be_a_string()
    {
        var cause = IntrinsicAssert.Fails("States.Format($.n)", Input);

        Assert.Contains("argument 1 ($.n) must be a string, but was the number 42", cause);
    }
}
