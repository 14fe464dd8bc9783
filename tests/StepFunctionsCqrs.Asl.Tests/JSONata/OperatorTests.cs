using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class OperatorTests
{
    [Theory]
    [InlineData("5", "2 + 3")]
    [InlineData("-1", "2 - 3")]
    [InlineData("6", "2 * 3")]
    [InlineData("2.5", "5 / 2")]
    [InlineData("1", "5 % 2")]
    [InlineData("-5", "-(2 + 3)")]
    [InlineData("14", "2 + 3 * 4")]
    public void Arithmetic_operators_follow_the_usual_precedence(string expected, string expression)
    {
        Evaluates(expected, expression);
    }

    [Fact]
    public void Arithmetic_with_an_undefined_side_is_undefined()
    {
        IsUndefined("Nothing + 1", Address);
    }

    [Fact]
    public void Arithmetic_on_a_string_is_a_type_error()
    {
        Fails("T2001", "'a' + 1");
        Fails("T2002", "1 + 'a'");
        Fails("D1002", "-'a'");
    }

    [Theory]
    [InlineData("true", "1 = 1")]
    [InlineData("false", "1 = 2")]
    [InlineData("true", "'a' != 'b'")]
    [InlineData("true", "[1,{\"a\":2}] = [1,{\"a\":2}]")]
    [InlineData("true", "1 < 2")]
    [InlineData("true", "'abc' < 'abd'")]
    [InlineData("true", "2 >= 2")]
    [InlineData("false", "3 <= 2")]
    public void Comparison_operators_compare_values(string expected, string expression)
    {
        Evaluates(expected, expression);
    }

    [Fact]
    public void Equality_with_undefined_is_false_for_both_operators()
    {
        Evaluates("false", "Nothing = 1", Address);
        Evaluates("false", "Nothing != 1", Address);
    }

    [Fact]
    public void Ordering_values_of_different_types_is_an_error()
    {
        Fails("T2009", "1 < 'a'");
        Fails("T2010", "true < 1");
    }

    [Fact]
    public void Boolean_operators_use_truthiness_and_short_circuit()
    {
        Evaluates("true", "Age > 18 and Surname = 'Smith'", Address);
        Evaluates("true", "false or Phone", Address);
        Evaluates("false", "false and $error('not evaluated')");
        Evaluates("true", "true or $error('not evaluated')");
    }

    [Fact]
    public void Concatenation_joins_strings_and_casts_other_values()
    {
        Evaluates("\"Fred Smith\"", "FirstName & ' ' & Surname", Address);
        Evaluates("\"Age: 28\"", "'Age: ' & Age", Address);
        Evaluates("\"x\"", "'x' & Nothing", Address);
        Evaluates("\"[1,2]\"", "'' & [1,2]");
    }

    [Fact]
    public void Range_builds_the_integers_between_two_bounds()
    {
        Evaluates("[1,2,3,4,5]", "[1..5]");
        Evaluates("[0,1,2,5]", "[0..2, 5]");
        Evaluates("[]", "[5..1]");
        Fails("T2003", "[1.5..3]");
        Fails("T2004", "[1..'a']");
    }

    [Fact]
    public void In_tests_membership_of_an_array()
    {
        Evaluates("true", "'office' in Phone.type", Address);
        Evaluates("false", "'fax' in Phone.type", Address);
        Evaluates("true", "3 in 3");
    }

    [Fact]
    public void Conditional_chooses_a_branch_by_the_condition()
    {
        Evaluates("\"adult\"", "Age >= 18 ? 'adult' : 'minor'", Address);
        IsUndefined("Age < 18 ? 'minor'", Address);
    }

    [Fact]
    public void Default_operators_replace_falsy_or_undefined_values()
    {
        Evaluates("\"none\"", "Nothing ?: 'none'", Address);
        Evaluates("\"none\"", "Nothing ?? 'none'", Address);
        Evaluates("0", "0 ?? 1");
        Evaluates("1", "0 ?: 1");
    }

    [Fact]
    public void Number_results_keep_their_fraction()
    {
        Evaluates("0.30000000000000004", "0.1 + 0.2");
    }

    [Fact]
    public void Division_by_zero_is_out_of_range()
    {
        Fails("D1001", "1 / 0");
    }
}
