using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class ResultPathTests
{
    private static JsonNode? Apply(string path, string target, JsonNode? value) =>
        JsonPath.Parse(path).Apply(JsonNode.Parse(target), value);

    [Fact]
    public void Dollar_replaces_the_whole_input_with_the_result()
    {
        var result = JsonValue.Create("Hello, Step Functions!");

        Assert.Same(result, JsonPath.Parse("$").Apply(JsonNode.Parse("""{ "comment": "x" }"""), result));
    }

    [Fact]
    public void Dollar_copies_a_result_that_belongs_to_another_document()
    {
        var other = JsonNode.Parse("""{ "inner": { "v": 1 } }""")!;

        var output = JsonPath.Parse("$").Apply(JsonNode.Parse("{}"), other["inner"]);

        Assert.NotSame(other["inner"], output);
        Assert.Null(output!.Parent);
        Assert.True(JsonNode.DeepEquals(other["inner"], output));
    }

    [Fact]
    public void A_field_path_adds_the_result_beside_the_input_fields()
    {
        var output = Apply("$.taskresult", """{ "comment": "This is a test" }""", JsonValue.Create("Hello"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "comment": "This is a test", "taskresult": "Hello" }"""), output));
    }

    [Fact]
    public void An_existing_field_is_overwritten()
    {
        var output = Apply("$.a", """{ "a": { "old": true }, "b": 1 }""", JsonValue.Create(2));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "a": 2, "b": 1 }"""), output));
    }

    [Fact]
    public void Missing_intermediate_objects_are_created()
    {
        var output = Apply("$.a.b['c d']", """{ "x": 1 }""", JsonNode.Parse("[1]"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "x": 1, "a": { "b": { "c d": [1] } } }"""), output));
    }

    [Fact]
    public void Existing_intermediate_objects_are_kept_and_extended()
    {
        var output = Apply("$.a.c", """{ "a": { "b": 1 } }""", JsonValue.Create(2));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "a": { "b": 1, "c": 2 } }"""), output));
    }

    [Fact]
    public void An_index_step_replaces_an_existing_array_element()
    {
        var output = Apply("$.list[1]", """{ "list": [1, 2, 3] }""", JsonValue.Create("two"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "list": [1, "two", 3] }"""), output));
    }

    [Fact]
    public void The_target_is_modified_in_place_and_returned()
    {
        var target = JsonNode.Parse("{}");

        Assert.Same(target, JsonPath.Parse("$.r").Apply(target, JsonValue.Create(1)));
        Assert.Equal(1, target!["r"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("\"a string\"")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_result_path_on_a_non_object_input_fails_with_States_ResultPathMatchFailure(string input)
    {
        var error = Assert.Throws<StatesException>(() => Apply("$.result", input, JsonValue.Create(1)));

        Assert.Equal(ErrorNames.ResultPathMatchFailure, error.Error);
        Assert.Contains("$.result", error.Cause);
    }

    [Fact]
    public void A_result_path_through_a_scalar_field_fails_with_States_ResultPathMatchFailure()
    {
        var error = Assert.Throws<StatesException>(() => Apply("$.a.b", """{ "a": "text" }""", JsonValue.Create(1)));

        Assert.Equal(ErrorNames.ResultPathMatchFailure, error.Error);
        Assert.Contains("\"text\"", error.Cause);
    }

    [Fact]
    public void An_index_outside_the_array_fails_with_States_ResultPathMatchFailure()
    {
        var error = Assert.Throws<StatesException>(() => Apply("$.list[5]", """{ "list": [1] }""", JsonValue.Create(1)));

        Assert.Equal(ErrorNames.ResultPathMatchFailure, error.Error);
    }

    [Fact]
    public void A_result_that_already_belongs_to_a_tree_is_copied_before_it_is_attached()
    {
        var other = JsonNode.Parse("""{ "inner": { "v": 1 } }""")!;
        var value = other["inner"];

        var output = JsonPath.Parse("$.copy").Apply(JsonNode.Parse("{}"), value)!;

        Assert.NotSame(value, output["copy"]);
        Assert.True(JsonNode.DeepEquals(value, output["copy"]));
        Assert.Same(value, other["inner"]);
    }

    [Fact]
    public void Placing_the_input_inside_itself_attaches_a_copy()
    {
        var target = JsonNode.Parse("""{ "a": 1 }""");

        var output = JsonPath.Parse("$.self").Apply(target, target)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "a": 1, "self": { "a": 1 } }"""), output));
    }

    [Theory]
    [InlineData("$.a[*]")]
    [InlineData("$..a")]
    [InlineData("$$.Execution.Id")]
    [InlineData("$var.a")]
    public void Only_reference_paths_on_the_input_can_receive_a_result(string path)
    {
        Assert.Throws<InvalidOperationException>(() => JsonPath.Parse(path).Apply(JsonNode.Parse("{}"), null));
    }
}
