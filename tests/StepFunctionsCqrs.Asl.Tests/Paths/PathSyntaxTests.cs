using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class PathSyntaxTests
{
    [Theory]
    [InlineData("", "must start with '$'", 0)]
    [InlineData("foo", "must start with '$'", 0)]
    [InlineData("$.", "expected a field name", 2)]
    [InlineData("$..", "after '..'", 1)]
    [InlineData("$.a b", "whitespace", 3)]
    [InlineData("$[", "unclosed '['", 1)]
    [InlineData("$['a'", "unclosed '['", 1)]
    [InlineData("$['a]", "unclosed quoted name", 2)]
    [InlineData("$[]", "unexpected ']'", 2)]
    [InlineData("$.a[0:1:0]", "step cannot be 0", 8)]
    [InlineData("$.a.length()", "functions", 10)]
    [InlineData("$.a[?(@.b = 1)]", "'=='", 10)]
    [InlineData("$.a[?(@.b =~ /x/)]", "not supported", 10)]
    [InlineData("$.a[?(@.b == )]", "expected '@', '$'", 13)]
    [InlineData("$1", "unexpected '1'", 1)]
    [InlineData("$.a]", "unexpected ']'", 3)]
    public void Invalid_paths_are_rejected_with_the_problem_and_its_position(string text, string problem, int position)
    {
        var error = Assert.Throws<AslPathSyntaxException>(() => JsonPath.Parse(text));

        Assert.Contains(problem, error.Message);
        Assert.Contains($"at position {position}", error.Message);
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void TryParse_reports_the_same_message_instead_of_throwing()
    {
        Assert.False(JsonPath.TryParse("$.", out var path, out var error));
        Assert.Null(path);
        Assert.Contains("expected a field name", error);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$$")]
    [InlineData("$.a-b.c:d")]
    [InlineData("$.abc.['def ghi']")]
    [InlineData("$['it\\'s']")]
    [InlineData("$[ 'a' , \"b\" ]")]
    [InlineData("$.a[?(@.b == 'x' || !(@.c))]")]
    [InlineData("$.a[?(@.price < -1.5e2)]")]
    [InlineData("$.émoji_名前")]
    public void Valid_paths_parse_and_keep_their_text(string text)
    {
        Assert.True(JsonPath.TryParse(text, out var path, out var error), error);
        Assert.Equal(text, path!.Text);
        Assert.Equal(text, path.ToString());
    }
}
