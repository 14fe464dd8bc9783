using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class NumericFunctionTests
{
    [Theory]
    [InlineData("5", "$number('5')")]
    [InlineData("-0.05", "$number('-0.05')")]
    [InlineData("1", "$number(true)")]
    [InlineData("255", "$number('0xFF')")]
    public void Number_casts_strings_and_booleans(string expected, string expression)
    {
        Evaluates(expected, expression);
    }

    [Fact]
    public void Number_refuses_a_string_that_is_not_a_number()
    {
        Fails("D3030", "$number('abc')");
    }

    [Fact]
    public void Abs_floor_ceil_power_sqrt()
    {
        Evaluates("5", "$abs(-5)");
        Evaluates("5", "$floor(5.8)");
        Evaluates("-6", "$floor(-5.3)");
        Evaluates("6", "$ceil(5.3)");
        Evaluates("8", "$power(2, 3)");
        Evaluates("2", "$sqrt(4)");
        Fails("D3060", "$sqrt(-1)");
    }

    [Theory]
    [InlineData("123", "$round(123.456)")]
    [InlineData("123.46", "$round(123.456, 2)")]
    [InlineData("120", "$round(123.456, -1)")]
    [InlineData("100", "$round(123.456, -2)")]
    [InlineData("12", "$round(11.5)")]
    [InlineData("12", "$round(12.5)")]
    [InlineData("120", "$round(125, -1)")]
    public void Round_rounds_half_to_even(string expected, string expression)
    {
        Evaluates(expected, expression);
    }

    [Fact]
    public void Random_is_between_zero_and_one()
    {
        var value = Evaluate("$random()")!.GetValue<double>();
        Assert.InRange(value, 0, 1);
    }

    [Fact]
    public void Numeric_functions_check_their_argument_types()
    {
        Fails("T0410", "$abs('a')");
    }
}
