using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class WildcardAndDescentTests
{
    private static readonly JsonNode Store = JsonNode.Parse("""
        {
          "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 19.95 }
          }
        }
        """)!;

    private static void AssertSelects(string path, string expectedJson)
    {
        var actual = JsonPath.Parse(path).Select(new PathScope(Store, null));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual),
            $"{path} selected {actual?.ToJsonString()}");
    }

    [Fact]
    public void Array_wildcard_selects_every_element_in_order()
    {
        AssertSelects("$.store.book[*].author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""");
    }

    [Fact]
    public void Dot_wildcard_on_an_object_selects_every_field_value_in_document_order()
    {
        AssertSelects("$.store.bicycle.*", """["red",19.95]""");
    }

    [Fact]
    public void Recursive_descent_finds_a_field_at_any_depth_parents_first()
    {
        AssertSelects("$..price", "[8.95,12.99,8.99,22.99,19.95]");
    }

    [Fact]
    public void Recursive_descent_below_a_field_only_searches_that_subtree()
    {
        AssertSelects("$.store.bicycle..price", "[19.95]");
    }

    [Fact]
    public void Recursive_descent_with_an_index_selects_that_element_of_every_array()
    {
        AssertSelects("$..book[2].title", """["Moby Dick"]""");
    }

    [Fact]
    public void Recursive_descent_with_a_bracket_step_applies_it_at_every_level()
    {
        AssertSelects("$..['color']", """["red"]""");
    }

    [Fact]
    public void An_indefinite_path_that_matches_nothing_returns_an_empty_array()
    {
        AssertSelects("$..missing", "[]");
        AssertSelects("$.store.bicycle.color[*]", "[]");
    }

    [Fact]
    public void Wildcard_on_a_scalar_matches_nothing()
    {
        AssertSelects("$.store.bicycle.color.*", "[]");
    }

    [Fact]
    public void Bracket_wildcard_on_an_object_selects_its_field_values_like_dot_wildcard()
    {
        AssertSelects("$.store.bicycle[*]", """["red",19.95]""");
    }
}
