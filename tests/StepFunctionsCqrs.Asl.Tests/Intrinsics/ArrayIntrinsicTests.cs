namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class ArrayIntrinsicTests
{
    private const string Input = """{ "Id": 123456, "inputArray": [1, 2, 3, 4, 5, 6, 7, 8, 9], "lookingFor": 5, "index": 5, "dupes": [1, 2, 3, 3, 3, 3, 3, 3, 4], "text": "abc" }""";

    [Fact]
    public void Array_returns_its_arguments_in_order()
    {
        IntrinsicAssert.Evaluates("[123456]", "States.Array($.Id)", Input);
        IntrinsicAssert.Evaluates("[]", "States.Array()", Input);
    }

    [Fact]
    public void ArrayPartition_chunks_the_array_with_a_shorter_last_chunk()
    {
        IntrinsicAssert.Evaluates("[[1,2,3,4],[5,6,7,8],[9]]", "States.ArrayPartition($.inputArray, 4)", Input);
    }

    [Fact]
    public void ArrayPartition_of_an_empty_array_is_empty()
    {
        IntrinsicAssert.Evaluates("[]", "States.ArrayPartition(States.Array(), 2)", Input);
    }

    [Fact]
    public void ArrayPartition_rounds_a_non_integer_chunk_size_to_the_nearest_integer()
    {
        IntrinsicAssert.Evaluates("[[1,2,3],[4,5,6],[7,8,9]]", "States.ArrayPartition($.inputArray, 2.5)", Input);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.4")]
    public void ArrayPartition_requires_a_positive_chunk_size(string size)
    {
        Assert.Contains("chunk size must be a positive integer", IntrinsicAssert.Fails($"States.ArrayPartition($.inputArray, {size})", Input));
    }

    [Fact]
    public void ArrayPartition_requires_an_array_as_first_argument()
    {
        Assert.Contains("must be an array", IntrinsicAssert.Fails("States.ArrayPartition($.text, 2)", Input));
    }

    [Fact]
    public void ArrayContains_finds_a_value_present_in_the_array()
    {
        IntrinsicAssert.Evaluates("true", "States.ArrayContains($.inputArray, $.lookingFor)", Input);
        IntrinsicAssert.Evaluates("false", "States.ArrayContains($.inputArray, 10)", Input);
    }

    [Fact]
    public void ArrayContains_compares_objects_and_arrays_by_value()
    {
        IntrinsicAssert.Evaluates("true", "States.ArrayContains($.a, $.b)", """{ "a": [{ "x": [1, 2] }, 3], "b": { "x": [1, 2] } }""");
        IntrinsicAssert.Evaluates("true", "States.ArrayContains($.a, 1)", """{ "a": [1.0] }""");
        IntrinsicAssert.Evaluates("true", "States.ArrayContains($.a, $.b)", """{ "a": [{ "x": 2.0, "y": [1.50] }], "b": { "y": [1.5], "x": 2 } }""");
        IntrinsicAssert.Evaluates("false", "States.ArrayContains($.a, '1')", """{ "a": [1] }""");
    }

    [Fact]
    public void ArrayContains_requires_an_array()
    {
        Assert.Contains("must be an array", IntrinsicAssert.Fails("States.ArrayContains($.Id, 1)", Input));
    }

    [Fact]
    public void ArrayRange_counts_from_first_to_last_inclusive_by_step()
    {
        IntrinsicAssert.Evaluates("[1,3,5,7,9]", "States.ArrayRange(1, 9, 2)", Input);
        IntrinsicAssert.Evaluates("[1,3,5,7,9]", "States.ArrayRange(1, 10, 2)", Input);
        IntrinsicAssert.Evaluates("[5]", "States.ArrayRange(5, 5, 1)", Input);
    }

    [Fact]
    public void ArrayRange_counts_down_with_a_negative_step()
    {
        IntrinsicAssert.Evaluates("[9,6,3,0]", "States.ArrayRange(9, 0, -3)", Input);
    }

    [Fact]
    public void ArrayRange_is_empty_when_the_step_points_away_from_last()
    {
        IntrinsicAssert.Evaluates("[]", "States.ArrayRange(5, 1, 1)", Input);
    }

    [Fact]
    public void ArrayRange_rounds_non_integer_arguments_to_the_nearest_integer()
    {
        IntrinsicAssert.Evaluates("[1,3,5]", "States.ArrayRange(0.6, 5.4, 1.9)", Input);
    }

    [Fact]
    public void ArrayRange_requires_a_non_zero_step()
    {
        Assert.Contains("must not be 0", IntrinsicAssert.Fails("States.ArrayRange(1, 9, 0)", Input));
    }

    [Fact]
    public void ArrayRange_returns_at_most_1000_elements()
    {
        Assert.Equal(1000, IntrinsicAssert.Evaluate("States.ArrayRange(1, 1000, 1)")!.AsArray().Count);
        Assert.Contains("at most 1000", IntrinsicAssert.Fails("States.ArrayRange(1, 1001, 1)", Input));
        Assert.Contains("at most 1000", IntrinsicAssert.Fails("States.ArrayRange(-2147483648, 2147483647, 1)", Input));
    }

    [Fact]
    public void ArrayRange_requires_numbers()
    {
        Assert.Contains("must be an integer", IntrinsicAssert.Fails("States.ArrayRange('1', 9, 2)", Input));
    }

    [Fact]
    public void ArrayGetItem_returns_the_value_at_a_zero_based_index()
    {
        IntrinsicAssert.Evaluates("6", "States.ArrayGetItem($.inputArray, $.index)", Input);
        IntrinsicAssert.Evaluates("1", "States.ArrayGetItem($.inputArray, 0)", Input);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    public void ArrayGetItem_requires_an_index_inside_the_array(string index)
    {
        Assert.Contains("out of bounds", IntrinsicAssert.Fails($"States.ArrayGetItem($.inputArray, {index})", Input));
    }

    [Fact]
    public void ArrayGetItem_requires_an_integer_index()
    {
        Assert.Contains("must be an integer", IntrinsicAssert.Fails("States.ArrayGetItem($.inputArray, 1.5)", Input));
        Assert.Contains("must be an integer", IntrinsicAssert.Fails("States.ArrayGetItem($.inputArray, '1')", Input));
    }

    [Fact]
    public void ArrayLength_returns_the_number_of_elements()
    {
        IntrinsicAssert.Evaluates("9", "States.ArrayLength($.inputArray)", Input);
        IntrinsicAssert.Evaluates("0", "States.ArrayLength(States.Array())", Input);
    }

    [Fact]
    public void ArrayLength_requires_an_array()
    {
        Assert.Contains("argument 1 ($.text) must be an array, but was the string \"abc\"", IntrinsicAssert.Fails("States.ArrayLength($.text)", Input));
    }

    [Fact]
    public void ArrayUnique_removes_duplicates_keeping_first_occurrences_in_order()
    {
        IntrinsicAssert.Evaluates("[1,2,3,4]", "States.ArrayUnique($.dupes)", Input);
        IntrinsicAssert.Evaluates("""[3,{"a":1,"b":2},"x"]""", "States.ArrayUnique($.v)", """{ "v": [3, { "a": 1, "b": 2 }, "x", 3.0, { "b": 2, "a": 1 }, "x"] }""");
    }

    [Fact]
    public void ArrayUnique_requires_an_array()
    {
        Assert.Contains("must be an array", IntrinsicAssert.Fails("States.ArrayUnique($.Id)", Input));
    }
}
