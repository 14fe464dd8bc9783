using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class StringAndUuidIntrinsicTests
{
    [Fact]
    public void StringSplit_splits_on_a_single_delimiting_character()
    {
        IntrinsicAssert.Evaluates("""["1","2","3","4","5"]""", "States.StringSplit($.inputString, $.splitter)", """{ "inputString": "1,2,3,4,5", "splitter": "," }""");
    }

    [Fact]
    public void StringSplit_splits_on_each_of_several_delimiting_characters()
    {
        IntrinsicAssert.Evaluates(
            """["This","is","a","test","string"]""",
            "States.StringSplit($.inputString, $.splitter)",
            """{ "inputString": "This.is+a,test=string", "splitter": ".+,=" }""");
    }

    [Fact]
    public void StringSplit_drops_empty_pieces()
    {
        IntrinsicAssert.Evaluates("""["a","b"]""", "States.StringSplit(',a,,b,', ',')");
        IntrinsicAssert.Evaluates("[]", "States.StringSplit('', ',')");
    }

    [Fact]
    public void StringSplit_requires_strings()
    {
        Assert.Contains("argument 1", IntrinsicAssert.Fails("States.StringSplit(123, ',')"));
        Assert.Contains("argument 2", IntrinsicAssert.Fails("States.StringSplit('a,b', 1)"));
    }

    [Fact]
    public void UUID_returns_a_version_4_uuid()
    {
        var uuid = IntrinsicAssert.Evaluate("States.UUID()")!.GetValue<string>();

        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), uuid);
    }

    [Fact]
    public void UUID_draws_from_the_scope_random_source_when_one_is_given()
    {
        var first = IntrinsicAssert.Evaluate("States.UUID()", random: new Random(3))!.GetValue<string>();
        var second = IntrinsicAssert.Evaluate("States.UUID()", random: new Random(3))!.GetValue<string>();

        Assert.Equal(first, second);
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), first);
    }

    [Fact]
    public void UUID_returns_a_different_value_each_call()
    {
        Assert.NotEqual(IntrinsicAssert.Evaluate("States.UUID()")!.GetValue<string>(), IntrinsicAssert.Evaluate("States.UUID()")!.GetValue<string>());
    }
}
