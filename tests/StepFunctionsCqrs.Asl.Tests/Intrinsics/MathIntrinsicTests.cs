namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class MathIntrinsicTests
{
    [Fact]
    public void MathAdd_returns_the_sum_as_in_the_developer_guide()
    {
        IntrinsicAssert.Evaluates("110", "States.MathAdd($.value1, $.step)", """{ "value1": 111, "step": -1 }""");
    }

    [Fact]
    public void MathAdd_rounds_non_integer_arguments_to_the_nearest_integer_halves_up()
    {
        IntrinsicAssert.Evaluates("3", "States.MathAdd(1.4, 1.5)");
        IntrinsicAssert.Evaluates("-1", "States.MathAdd(1.2, -2.5)");
    }

    [Fact]
    public void MathAdd_accepts_the_32_bit_signed_range()
    {
        IntrinsicAssert.Evaluates("-1", "States.MathAdd(-2147483648, 2147483647)");
        IntrinsicAssert.Evaluates("4294967294", "States.MathAdd(2147483647, 2147483647)");
    }

    [Fact]
    public void MathAdd_rejects_integers_outside_the_32_bit_signed_range()
    {
        Assert.Contains("between -2147483648 and 2147483647", IntrinsicAssert.Fails("States.MathAdd(2147483648, 1)"));
        Assert.Contains("between -2147483648 and 2147483647", IntrinsicAssert.Fails("States.MathAdd(1, -2147483649)"));
    }

    [Fact]
    public void Results_of_nested_calls_feed_numeric_arguments()
    {
        IntrinsicAssert.Evaluates("18", "States.MathAdd(States.ArrayLength($.a), States.ArrayGetItem(States.ArrayRange(10, 20, 5), 1))", """{ "a": [1, 2, 3] }""");
    }

    [Fact]
    public void MathAdd_requires_numbers()
    {
        Assert.Contains("must be an integer", IntrinsicAssert.Fails("States.MathAdd('1', 2)"));
    }

    [Fact]
    public void MathRandom_returns_an_integer_from_start_inclusive_to_end_exclusive()
    {
        var random = new Random(7);
        var seen = new HashSet<long>();
        for (var i = 0; i < 200; i++)
        {
            seen.Add(IntrinsicAssert.Evaluate("States.MathRandom(1, 4)", random: random)!.GetValue<long>());
        }

        Assert.Equal([1L, 2L, 3L], seen.Order());
    }

    [Fact]
    public void MathRandom_with_the_same_seed_returns_the_same_number()
    {
        var first = IntrinsicAssert.Evaluate("States.MathRandom(1, 1000000, 42)")!.GetValue<long>();
        var second = IntrinsicAssert.Evaluate("States.MathRandom(1, 1000000, 42)")!.GetValue<long>();

        Assert.Equal(first, second);
    }

    [Fact]
    public void MathRandom_rounds_non_integer_bounds_to_the_nearest_integer()
    {
        IntrinsicAssert.Evaluates("5", "States.MathRandom(4.6, 5.7)");
    }

    [Fact]
    public void MathRandom_requires_end_greater_than_start()
    {
        Assert.Contains("must be greater than the start", IntrinsicAssert.Fails("States.MathRandom(5, 5)"));
    }

    [Fact]
    public void MathRandom_requires_numbers()
    {
        Assert.Contains("argument 2", IntrinsicAssert.Fails("States.MathRandom(1, 'ten')"));
        Assert.Contains("argument 3", IntrinsicAssert.Fails("States.MathRandom(1, 10, 'seed')"));
    }
}
