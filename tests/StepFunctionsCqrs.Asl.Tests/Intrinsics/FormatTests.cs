using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class FormatTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""{ "name": "Arnav", "template": "Hello, my name is {}." }""")!;

    private static string? Evaluate(string text) =>
        IntrinsicExpression.Parse(text).Evaluate(new PathScope(Input, null))?.GetValue<string>();

    [Fact]
    public void Format_replaces_each_placeholder_with_the_positionally_corresponding_argument()
    {
        Assert.Equal("Hello, my name is Arnav.", Evaluate("States.Format('Hello, my name is {}.', $.name)"));
    }

    [Fact]
    public void Format_accepts_the_template_from_a_path()
    {
        Assert.Equal("Hello, my name is Arnav.", Evaluate("States.Format($.template, $.name)"));
    }
}
