using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class ContextAndVariablePathTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""{ "a": "from input" }""")!;

    private static readonly JsonNode Context = JsonNode.Parse("""
        {
          "Execution": { "Id": "arn:aws:states:us-east-1:123456789012:execution:m:e1", "Input": { "a": 1 } },
          "Map": { "Item": { "Index": 2, "Value": { "id": "item-2" } } }
        }
        """)!;

    private static readonly Dictionary<string, JsonNode?> Variables = new()
    {
        ["myVar"] = JsonNode.Parse("""{ "field": [10, 20] }"""),
        ["_count"] = JsonValue.Create(3),
        ["nothing"] = null,
    };

    private static readonly PathScope Scope = new(Input, Context, Variables);

    private static JsonNode? Select(string path) => JsonPath.Parse(path).Select(Scope);

    [Fact]
    public void Double_dollar_paths_read_the_context_object()
    {
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:m:e1", Select("$$.Execution.Id")!.GetValue<string>());
        Assert.Equal("item-2", Select("$$.Map.Item.Value.id")!.GetValue<string>());
        Assert.Equal(2, Select("$$.Map.Item.Index")!.GetValue<int>());
    }

    [Fact]
    public void Double_dollar_alone_is_the_whole_context_object()
    {
        Assert.Same(Context, Select("$$"));
    }

    [Fact]
    public void Single_dollar_alone_is_the_state_input_not_the_context()
    {
        Assert.Same(Input, Select("$"));
    }

    [Fact]
    public void A_missing_context_field_fails_with_States_Runtime_naming_the_context_object()
    {
        var error = Assert.Throws<StatesException>(() => Select("$$.Execution.Missing"));

        Assert.Equal(ErrorNames.Runtime, error.Error);
        Assert.Contains("$$.Execution.Missing", error.Cause);
        Assert.Contains("context object", error.Cause);
    }

    [Fact]
    public void Dollar_followed_by_an_identifier_reads_a_workflow_variable()
    {
        Assert.Equal(3, Select("$_count")!.GetValue<int>());
        Assert.Equal(20, Select("$myVar.field[1]")!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[10,20]"), Select("$myVar['field']")));
    }

    [Fact]
    public void A_variable_holding_null_is_defined_and_selects_json_null()
    {
        Assert.True(JsonPath.Parse("$nothing").TrySelect(Scope, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void An_undefined_variable_fails_with_States_Runtime_naming_the_variable()
    {
        var error = Assert.Throws<StatesException>(() => Select("$undefinedVar.x"));

        Assert.Equal(ErrorNames.Runtime, error.Error);
        Assert.Contains("'undefinedVar'", error.Cause);
        Assert.Contains("not defined", error.Cause);
    }

    [Fact]
    public void Variables_cannot_be_read_when_the_scope_has_none()
    {
        Assert.False(JsonPath.Parse("$myVar").TrySelect(new PathScope(Input, Context), out _));
    }

    [Fact]
    public void A_context_path_against_a_scope_without_context_matches_nothing()
    {
        Assert.False(JsonPath.Parse("$$.Execution.Id").TrySelect(new PathScope(Input, null), out _));
    }

    [Fact]
    public void Indefinite_context_paths_collect_matches_into_an_array()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["item-2"]"""), Select("$$..id")));
    }
}
