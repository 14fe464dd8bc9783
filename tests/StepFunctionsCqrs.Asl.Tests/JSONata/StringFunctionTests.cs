using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class StringFunctionTests
{
    [Theory]
    [InlineData("\"abc\"", "$string('abc')")]
    [InlineData("\"5\"", "$string(5)")]
    [InlineData("\"0.3\"", "$string(0.1 + 0.2)")]
    [InlineData("\"[1,2,3]\"", "$string([1,2,3])")]
    [InlineData("\"{\\\"a\\\":true}\"", "$string({'a': true})")]
    [InlineData("\"1e+21\"", "$string(1e21)")]
    [InlineData("\"1e-7\"", "$string(0.0000001)")]
    [InlineData("\"100000000000000000000\"", "$string(1e20)")]
    public void String_casts_to_a_string_with_15_significant_digits(string expected, string expression)
    {
        Evaluates(expected, expression);
    }

    [Fact]
    public void String_can_prettify_json()
    {
        Evaluates("\"{\\n  \\\"a\\\": 1\\n}\"", "$string({'a': 1}, true)");
    }

    [Fact]
    public void Length_counts_characters()
    {
        Evaluates("5", "$length('Hello')");
        Evaluates("4", "$length(FirstName)", Address);
        Fails("T0410", "$length(1)");
    }

    [Fact]
    public void Substring_takes_a_start_and_an_optional_length()
    {
        Evaluates("\"World\"", "$substring('Hello World', 6)");
        Evaluates("\"lo W\"", "$substring('Hello World', 3, 4)");
        Evaluates("\"rld\"", "$substring('Hello World', -3)");
    }

    [Fact]
    public void SubstringBefore_and_SubstringAfter_split_at_the_first_occurrence()
    {
        Evaluates("\"Hello\"", "$substringBefore('Hello World', ' ')");
        Evaluates("\"World\"", "$substringAfter('Hello World', ' ')");
        Evaluates("\"Hello World\"", "$substringBefore('Hello World', 'x')");
    }

    [Fact]
    public void Uppercase_lowercase_and_trim()
    {
        Evaluates("\"HELLO\"", "$uppercase('Hello')");
        Evaluates("\"hello\"", "$lowercase('Hello')");
        Evaluates("\"Hello World\"", "$trim('   Hello  \n World  ')");
    }

    [Fact]
    public void Functions_marked_with_a_dash_take_the_context_when_the_argument_is_missing()
    {
        Evaluates("\"FRED\"", "FirstName.$uppercase()", Address);
    }

    [Fact]
    public void Pad_pads_right_for_a_positive_width_and_left_for_a_negative_one()
    {
        Evaluates("\"foo  \"", "$pad('foo', 5)");
        Evaluates("\"  foo\"", "$pad('foo', -5)");
        Evaluates("\"foo#-#\"", "$pad('foo', 6, '#-')");
    }

    [Fact]
    public void Contains_split_and_join()
    {
        Evaluates("true", "$contains('abracadabra', 'bra')");
        Evaluates("""["so","many","words"]""", "$split('so many words', ' ')");
        Evaluates("""["so","many"]""", "$split('so many words', ' ', 2)");
        Evaluates("""["a","b","c"]""", "$split('a, b,c', /,\\s*/)");
        Evaluates("\"a-b-c\"", "$join(['a','b','c'], '-')");
        Fails("T0412", "$join([1,2])");
    }

    [Fact]
    public void Match_returns_the_matches_with_their_groups()
    {
        Evaluates("""[{"match":"ab","index":0,"groups":["b"]},{"match":"ab","index":3,"groups":["b"]}]""", "$match('ab ab', /a(b)/)");
    }

    [Fact]
    public void Replace_substitutes_strings_and_regex_groups()
    {
        Evaluates("\"abXdabX\"", "$replace('abcdabc', 'c', 'X')");
        Evaluates("\"abXdabc\"", "$replace('abcdabc', 'c', 'X', 1)");
        Evaluates("\"Smith, John\"", "$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')");
        Evaluates("\"$1.50\"", "$replace('1.50', /(\\d+\\.\\d+)/, '$$$1')");
    }

    [Fact]
    public void Base64_and_url_encoding_round_trip()
    {
        Evaluates("\"bXluYW1lOnBhc3M=\"", "$base64encode('myname:pass')");
        Evaluates("\"myname:pass\"", "$base64decode('bXluYW1lOnBhc3M=')");
        Evaluates("\"%3Fx%3Dtest\"", "$encodeUrlComponent('?x=test')");
        Evaluates("\"https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B\"", "$encodeUrl('https://mozilla.org/?x=шеллы')");
        Evaluates("\"?x=test\"", "$decodeUrlComponent('%3Fx%3Dtest')");
    }

    [Fact]
    public void FormatNumber_applies_a_decimal_picture()
    {
        Evaluates("\"12,345.60\"", "$formatNumber(12345.6, '#,###.00')");
        Evaluates("\"034\"", "$formatNumber(34, '000')");
        Evaluates("\"14%\"", "$formatNumber(0.14, '#%')");
    }

    [Fact]
    public void FormatBase_writes_a_number_in_another_radix()
    {
        Evaluates("\"1100100\"", "$formatBase(100, 2)");
        Evaluates("\"ff\"", "$formatBase(255, 16)");
    }
}
