using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class SliceAndUnionTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""
        { "vals": [0, 10, 20, 30, 40, 50], "obj": { "a": 1, "b": 2, "c": 3 } }
        """)!;

    private static void AssertSelects(string path, string expectedJson)
    {
        var actual = JsonPath.Parse(path).Select(new PathScope(Input, null));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual),
            $"{path} selected {actual?.ToJsonString()}");
    }

    [Theory]
    [InlineData("$.vals[0:2]", "[0,10]")]
    [InlineData("$.vals[3:]", "[30,40,50]")]
    [InlineData("$.vals[:2]", "[0,10]")]
    [InlineData("$.vals[-2:]", "[40,50]")]
    [InlineData("$.vals[1:-3]", "[10,20]")]
    [InlineData("$.vals[0:6:2]", "[0,20,40]")]
    [InlineData("$.vals[4:100]", "[40,50]")]
    [InlineData("$.vals[5:1]", "[]")]
    public void Slices_select_from_start_up_to_but_excluding_end(string path, string expected)
    {
        AssertSelects(path, expected);
    }

    [Fact]
    public void The_spec_example_last3_selects_the_tail_of_the_array()
    {
        AssertSelects("$.vals[3:]", "[30,40,50]");
    }

    [Fact]
    public void Index_unions_select_each_listed_element_in_the_order_written()
    {
        AssertSelects("$.vals[4,0,-1]", "[40,0,50]");
    }

    [Fact]
    public void Index_unions_skip_indexes_outside_the_array()
    {
        AssertSelects("$.vals[1,99]", "[10]");
    }

    [Fact]
    public void Name_unions_select_each_listed_field_that_exists()
    {
        AssertSelects("$.obj['c','a','zz']", "[3,1]");
    }

    [Fact]
    public void A_slice_of_a_non_array_matches_nothing()
    {
        AssertSelects("$.obj[0:2]", "[]");
    }
}
