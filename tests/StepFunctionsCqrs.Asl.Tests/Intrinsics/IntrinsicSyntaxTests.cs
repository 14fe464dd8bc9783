using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class IntrinsicSyntaxTests
{
    private static JsonNode? Evaluate(string text, string input = "{}") =>
        IntrinsicExpression.Parse(text).Evaluate(new PathScope(JsonNode.Parse(input), null));

    private static void AssertEvaluates(string expectedJson, string text, string input = "{}")
    {
        var actual = Evaluate(text, input);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual), $"{text} gave {actual?.ToJsonString()}");
    }

    [Theory]
    [InlineData("States.Format('x')", true)]
    [InlineData("States.UUID()", true)]
    [InlineData("$.States", false)]
    [InlineData("states.Format('x')", false)]
    [InlineData("Format('x')", false)]
    public void A_value_is_an_intrinsic_when_it_starts_with_States_dot(string text, bool expected)
    {
        Assert.Equal(expected, IntrinsicExpression.LooksLikeIntrinsic(text));
    }

    [Fact]
    public void An_unknown_function_is_rejected_at_parse_time_listing_the_known_ones()
    {
        var error = Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse("States.Concat('a', 'b')"));

        Assert.Contains("'States.Concat' is not an intrinsic function", error.Message);
        Assert.Contains("States.Format", error.Message);
        Assert.Contains("at position 0", error.Message);
    }

    [Fact]
    public void Function_names_are_case_sensitive()
    {
        Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse("States.format('a')"));
    }

    [Theory]
    [InlineData("States.UUID(1)", "exactly 0 argument(s) but was given 1")]
    [InlineData("States.ArrayRange(1, 2)", "exactly 3 argument(s) but was given 2")]
    [InlineData("States.MathRandom(1)", "2 to 3 arguments but was given 1")]
    [InlineData("States.MathRandom(1, 2, 3, 4)", "2 to 3 arguments but was given 4")]
    [InlineData("States.Format()", "at least 1 argument(s) but was given 0")]
    [InlineData("States.JsonMerge($.a, $.b)", "exactly 3 argument(s) but was given 2")]
    [InlineData("States.Array(States.StringSplit('a'))", "States.StringSplit takes exactly 2 argument(s) but was given 1 at position 13")]
    public void A_wrong_argument_count_is_rejected_at_parse_time(string text, string problem)
    {
        var error = Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse(text));

        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("States.Array('unclosed)", "not closed", 13)]
    [InlineData("States.Array(1 2)", "expected ',' or ')'", 15)]
    [InlineData("States.Array(1x)", "'1x' is not a valid number", 13)]
    [InlineData("States.Array(1", "not closed with ')'", 14)]
    [InlineData("States.Array(@.a)", "unexpected '@'", 13)]
    [InlineData("States.Array", "expected '('", 12)]
    [InlineData("States.Array() extra", "after the end of the call", 15)]
    [InlineData("States.Array($.a b)", "expected ',' or ')'", 17)]
    [InlineData("States.Array($.)", "the path argument '$.' is invalid", 13)]
    [InlineData("States.Array('a\\nb')", "a backslash must be followed by", 15)]
    [InlineData("States.Array('a\\')", "not closed", 13)]
    public void Malformed_calls_are_rejected_with_the_problem_and_its_position(string text, string problem, int position)
    {
        var error = Assert.Throws<AslPathSyntaxException>(() => IntrinsicExpression.Parse(text));

        Assert.Contains(problem, error.Message);
        Assert.Contains($"at position {position}", error.Message);
    }

    [Fact]
    public void TryParse_reports_the_problem_instead_of_throwing()
    {
        Assert.False(IntrinsicExpression.TryParse("States.Nope()", out var expr, out var error));
        Assert.Null(expr);
        Assert.Contains("States.Nope", error);
    }

    [Fact]
    public void Arguments_may_be_strings_numbers_booleans_null_paths_and_nested_calls()
    {
        AssertEvaluates(
            """["s", 1, -2.5, 1e3, true, false, null, "in", ["x"]]""",
            "States.Array('s', 1, -2.5, 1e3, true, false, null, $.v, States.Array('x'))",
            """{ "v": "in" }""");
    }

    [Fact]
    public void Whitespace_around_arguments_is_ignored()
    {
        AssertEvaluates("""[1,"a"]""", "  States.Array(  1 ,\t'a'  )  ");
    }

    [Fact]
    public void Reserved_characters_in_string_literals_are_escaped_with_a_backslash()
    {
        AssertEvaluates("""["it's", "{", "}", "\\"]""", @"States.Array('it\'s', '\{', '\}', '\\')");
    }

    [Fact]
    public void Path_arguments_may_use_brackets_holding_spaces_commas_and_parentheses()
    {
        AssertEvaluates(
            """[1, 2, [3]]""",
            "States.Array($.abc.['def ghi'], $['a,b'], $.list[?(@ > 2)])",
            """{ "abc": { "def ghi": 1 }, "a,b": 2, "list": [1, 2, 3] }""");
    }

    [Fact]
    public void Path_arguments_read_the_context_object_and_variables()
    {
        var expr = IntrinsicExpression.Parse("States.Array($$.Execution.Id, $count)");
        var scope = new PathScope(
            JsonNode.Parse("{}"),
            JsonNode.Parse("""{ "Execution": { "Id": "e-1" } }"""),
            new Dictionary<string, JsonNode?> { ["count"] = JsonValue.Create(7) });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["e-1", 7]"""), expr.Evaluate(scope)));
    }

    [Fact]
    public void A_path_argument_that_matches_nothing_fails_with_States_Runtime()
    {
        var error = Assert.Throws<StatesException>(() => Evaluate("States.Array($.missing)"));

        Assert.Equal(ErrorNames.Runtime, error.Error);
        Assert.Contains("$.missing", error.Cause);
    }

    [Fact]
    public void Calls_nest_as_in_the_developer_guide_example()
    {
        AssertEvaluates(
            "\"1.0.x\"",
            "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1), 'x')",
            """{ "ImageRecipe": { "Arn": "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.0" } }""");
    }

    [Fact]
    public void The_result_is_a_fresh_node_not_shared_with_the_input()
    {
        var input = JsonNode.Parse("""{ "a": { "b": 1 } }""")!;

        var result = IntrinsicExpression.Parse("States.Array($.a)").Evaluate(new PathScope(input, null))!;

        Assert.Null(result.Parent);
        Assert.NotSame(input["a"], result[0]);
        Assert.Same(input, input["a"]!.Parent);
    }
}
