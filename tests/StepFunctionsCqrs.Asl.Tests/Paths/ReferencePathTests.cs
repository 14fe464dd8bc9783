using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class ReferencePathTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""
        { "foo": 123, "bar": ["a", "b", "c"], "car": { "cdr": true }, "nothing": null, "a b": 1 }
        """)!;

    private static JsonNode? Select(string path) => JsonPath.Parse(path).Select(new PathScope(Input, null));

    [Theory]
    [InlineData("$.foo", "123")]
    [InlineData("$.bar", """["a","b","c"]""")]
    [InlineData("$.car.cdr", "true")]
    [InlineData("$['car']['cdr']", "true")]
    [InlineData("$[\"a b\"]", "1")]
    [InlineData("$.bar[0]", "\"a\"")]
    [InlineData("$.bar[-1]", "\"c\"")]
    public void Reference_paths_from_the_spec_select_a_single_node(string path, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), Select(path)));
    }

    [Fact]
    public void Dollar_alone_selects_the_whole_input_without_copying_it()
    {
        Assert.Same(Input, Select("$"));
    }

    [Fact]
    public void A_field_holding_null_is_found_and_selects_json_null()
    {
        Assert.True(JsonPath.Parse("$.nothing").TrySelect(new PathScope(Input, null), out var value));
        Assert.Null(value);
    }

    [Fact]
    public void A_definite_path_that_matches_nothing_fails_with_States_Runtime_naming_path_and_input()
    {
        var error = Assert.Throws<StatesException>(() => Select("$.car.missing"));

        Assert.Equal(ErrorNames.Runtime, error.Error);
        Assert.Contains("$.car.missing", error.Cause);
        Assert.Contains("\"cdr\":true", error.Cause);
    }

    [Theory]
    [InlineData("$.foo", true)]
    [InlineData("$['a b'].x[3]", true)]
    [InlineData("$.bar[*]", false)]
    [InlineData("$..foo", false)]
    [InlineData("$.bar[0:2]", false)]
    [InlineData("$.bar[0,1]", false)]
    [InlineData("$.bar[?(@ == 'a')]", false)]
    public void Only_paths_without_wildcards_filters_slices_unions_or_descent_are_definite(string path, bool definite)
    {
        Assert.Equal(definite, JsonPath.Parse(path).IsDefinite);
    }
}
