using StepFunctionsCqrs.Asl.JSONata;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class ParsingTests
{
    [Theory]
    [InlineData("S0203", "(1 + 2")]
    [InlineData("S0202", "[1, 2)")]
    [InlineData("S0207", "1 +")]
    [InlineData("S0101", "'unterminated")]
    [InlineData("S0201", "1 2")]
    [InlineData("S0211", "+1")]
    [InlineData("S0212", "1 := 2")]
    public void Syntax_errors_carry_the_reference_codes(string code, string expression)
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Parse(expression));
        Assert.Equal(code, error.Code);
        Assert.True(error.Position >= 0);
    }

    [Fact]
    public void A_parsed_expression_evaluates_many_times()
    {
        var expression = JsonataExpression.Parse("a * 2");
        Assert.Equal(2, expression.Evaluate(System.Text.Json.Nodes.JsonNode.Parse("""{"a":1}"""))!.GetValue<long>());
        Assert.Equal(6, expression.Evaluate(System.Text.Json.Nodes.JsonNode.Parse("""{"a":3}"""))!.GetValue<long>());
    }

    [Fact]
    public void String_escapes_are_decoded()
    {
        Assert.Equal("a\"b\n\u00e9", JsonataExpression.Parse("\"a\\\"b\\n\\u00e9\"").Evaluate(null)!.GetValue<string>());
    }
}
