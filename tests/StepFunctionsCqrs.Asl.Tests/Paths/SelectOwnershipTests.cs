using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class SelectOwnershipTests
{
    [Fact]
    public void A_definite_path_returns_the_node_inside_the_input_without_copying()
    {
        var input = JsonNode.Parse("""{ "a": { "b": [1] } }""")!;

        Assert.Same(input["a"]!["b"], JsonPath.Parse("$.a.b").Select(new PathScope(input, null)));
    }

    [Fact]
    public void An_indefinite_path_returns_a_new_array_of_copies_that_can_be_attached_elsewhere()
    {
        var input = JsonNode.Parse("""{ "a": [{ "x": 1 }, { "x": 2 }] }""")!;

        var selected = JsonPath.Parse("$.a[*]").Select(new PathScope(input, null))!.AsArray();

        Assert.Null(selected.Parent);
        Assert.NotSame(input["a"]![0], selected[0]);
        new JsonObject { ["moved"] = selected };
        Assert.Equal(2, input["a"]!.AsArray().Count);
    }

    [Fact]
    public void A_compiled_path_can_be_reused_across_inputs()
    {
        var path = JsonPath.Parse("$.n");

        Assert.Equal(1, path.Select(new PathScope(JsonNode.Parse("""{ "n": 1 }"""), null))!.GetValue<int>());
        Assert.Equal(2, path.Select(new PathScope(JsonNode.Parse("""{ "n": 2 }"""), null))!.GetValue<int>());
    }
}
