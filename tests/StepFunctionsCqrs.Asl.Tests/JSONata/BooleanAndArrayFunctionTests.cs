using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class BooleanAndArrayFunctionTests
{
    [Theory]
    [InlineData("false", "$boolean('')")]
    [InlineData("true", "$boolean('0')")]
    [InlineData("false", "$boolean(0)")]
    [InlineData("false", "$boolean(null)")]
    [InlineData("false", "$boolean([])")]
    [InlineData("true", "$boolean([0, 1])")]
    [InlineData("false", "$boolean({})")]
    [InlineData("true", "$boolean({'a': 1})")]
    [InlineData("true", "$not(false)")]
    public void Boolean_casts_by_truthiness(string expected, string expression)
    {
        Evaluates(expected, expression);
    }

    [Fact]
    public void Exists_tells_undefined_from_any_value()
    {
        Evaluates("true", "$exists(Other.Misc)", Address);
        Evaluates("false", "$exists(Other.Nothing)", Address);
    }

    [Fact]
    public void Append_sort_reverse_distinct_zip()
    {
        Evaluates("[1,2,3,4]", "$append([1,2], [3,4])");
        Evaluates("[1,2,3]", "$append([1,2], 3)");
        Evaluates("[1,2,3]", "$sort([3,1,2])");
        Evaluates("[\"a\",\"b\"]", "$sort(['b','a'])");
        Evaluates("[3,2,1]", "$sort([1,3,2], function($a, $b) { $a < $b })");
        Evaluates("[3,2,1]", "$reverse([1,2,3])");
        Evaluates("[1,2,3]", "$distinct([1,2,2,3,1])");
        Evaluates("[[1,4],[2,5]]", "$zip([1,2,3], [4,5])");
        Fails("D3070", "$sort([1,'a'])");
    }

    [Fact]
    public void Shuffle_keeps_every_item()
    {
        Evaluates("[1,2,3,4]", "$sort($shuffle([1,2,3,4]))");
    }
}
