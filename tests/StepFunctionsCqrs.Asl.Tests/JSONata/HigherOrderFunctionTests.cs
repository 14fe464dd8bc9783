using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class HigherOrderFunctionTests
{
    [Fact(Skip = "The evaluator does not yet pass the index and array to a function declared with fewer parameters.")]
    public void Map_passes_value_index_and_array_as_the_function_declares()
    {
        Evaluates("[2,4,6]", "$map([1,2,3], function($v) { $v * 2 })");
        Evaluates("[\"0:a\",\"1:b\"]", "$map(['a','b'], function($v, $i) { $i & ':' & $v })");
        Evaluates("[\"1\",\"2\"]", "$map([1,2], $string)");
    }

    [Fact]
    public void Filter_keeps_the_items_the_function_accepts()
    {
        Evaluates("[2,4]", "$filter([1,2,3,4], function($v) { $v % 2 = 0 })");
    }

    [Fact]
    public void Single_requires_exactly_one_match()
    {
        Evaluates("2", "$single([1,2,3], function($v) { $v = 2 })");
        Fails("D3138", "$single([1,2,3], function($v) { $v > 1 })");
        Fails("D3139", "$single([1,2,3], function($v) { $v > 5 })");
    }

    [Fact]
    public void Reduce_folds_with_an_optional_initial_value()
    {
        Evaluates("10", "$reduce([1,2,3,4], function($acc, $v) { $acc + $v })");
        Evaluates("20", "$reduce([1,2,3,4], function($acc, $v) { $acc + $v }, 10)");
        Fails("D3050", "$reduce([1,2], function($v) { $v })");
    }
}
