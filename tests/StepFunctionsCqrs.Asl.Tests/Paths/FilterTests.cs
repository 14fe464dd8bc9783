using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Tests.Paths;

public class FilterTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""
        {
          "max": 10,
          "book": [
            { "title": "A", "price": 8.95, "category": "reference", "inStock": true, "note": null },
            { "title": "B", "price": 12.99, "category": "fiction", "inStock": false },
            { "title": "C", "price": 8.99, "category": "fiction", "isbn": "0-553-21311-3", "inStock": true },
            { "title": "D", "price": "cheap", "category": "fiction", "isbn": "0-395-19395-8" }
          ]
        }
        """)!;

    private static void AssertTitles(string path, params string[] titles)
    {
        var actual = JsonPath.Parse(path).Select(new PathScope(Input, null));
        var expected = new JsonArray(titles.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{path} selected {actual?.ToJsonString()}");
    }

    [Theory]
    [InlineData("$.book[?(@.price < 10)].title", "A", "C")]
    [InlineData("$.book[?(@.price <= 8.99)].title", "A", "C")]
    [InlineData("$.book[?(@.price > 10)].title", "B")]
    [InlineData("$.book[?(@.price >= 12.99)].title", "B")]
    [InlineData("$.book[?(@.price == 8.95)].title", "A")]
    [InlineData("$.book[?(@.price != 8.95)].title", "B", "C", "D")]
    public void Numeric_comparisons_hold_only_between_numbers(string path, params string[] titles)
    {
        AssertTitles(path, titles);
    }

    [Theory]
    [InlineData("$.book[?(@.category == 'fiction')].title", "B", "C", "D")]
    [InlineData("$.book[?(@.category == \"reference\")].title", "A")]
    [InlineData("$.book[?(@.category != 'fiction')].title", "A")]
    [InlineData("$.book[?(@.title < 'C')].title", "A", "B")]
    public void String_comparisons_use_ordinal_order(string path, params string[] titles)
    {
        AssertTitles(path, titles);
    }

    [Theory]
    [InlineData("$.book[?(@.inStock == true)].title", "A", "C")]
    [InlineData("$.book[?(@.inStock == false)].title", "B")]
    [InlineData("$.book[?(@.note == null)].title", "A")]
    public void Booleans_and_null_compare_by_equality(string path, params string[] titles)
    {
        AssertTitles(path, titles);
    }

    [Fact]
    public void A_bare_path_tests_that_the_field_exists()
    {
        AssertTitles("$.book[?(@.isbn)].title", "C", "D");
    }

    [Fact]
    public void A_field_holding_null_exists()
    {
        AssertTitles("$.book[?(@.note)].title", "A");
    }

    [Fact]
    public void And_requires_both_sides_and_or_either()
    {
        AssertTitles("$.book[?(@.price < 10 && @.category == 'fiction')].title", "C");
        AssertTitles("$.book[?(@.price > 10 || @.isbn)].title", "B", "C", "D");
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_regroup()
    {
        AssertTitles("$.book[?(@.title == 'A' || @.title == 'B' && @.price < 10)].title", "A");
        AssertTitles("$.book[?((@.title == 'A' || @.title == 'B') && @.price > 10)].title", "B");
    }

    [Fact]
    public void Not_negates_an_existence_test()
    {
        AssertTitles("$.book[?(!@.isbn)].title", "A", "B");
    }

    [Fact]
    public void A_filter_can_compare_against_the_input_root()
    {
        AssertTitles("$.book[?(@.price < $.max)].title", "A", "C");
    }

    [Fact]
    public void Comparing_a_missing_field_never_holds_except_for_not_equal()
    {
        AssertTitles("$.book[?(@.missing < 100)].title");
        AssertTitles("$.book[?(@.missing == 'x')].title");
        AssertTitles("$.book[?(@.missing != 'x')].title", "A", "B", "C", "D");
    }

    [Fact]
    public void Spaces_around_operators_are_optional()
    {
        AssertTitles("$.book[?(@.price<9&&@.category=='reference')].title", "A");
    }

    [Fact]
    public void A_filter_on_an_object_tests_the_object_itself()
    {
        var input = JsonNode.Parse("""{ "item": { "kind": "x", "n": 1 } }""");
        var selected = JsonPath.Parse("$.item[?(@.kind == 'x')].n").Select(new PathScope(input, null));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[1]"), selected));
    }

    [Fact]
    public void Filters_on_scalar_elements_use_the_element_itself()
    {
        var input = JsonNode.Parse("""{ "n": [1, 5, 10, 15] }""");
        var selected = JsonPath.Parse("$.n[?(@ > 4)]").Select(new PathScope(input, null));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[5,10,15]"), selected));
    }

    [Fact]
    public void Numbers_compare_by_value_whatever_their_spelling()
    {
        var input = JsonNode.Parse("""{ "n": [{ "v": 1.0 }, { "v": 2 }] }""");
        var selected = JsonPath.Parse("$.n[?(@.v == 1)].v").Select(new PathScope(input, null));
        Assert.Single(selected!.AsArray());
    }
}
