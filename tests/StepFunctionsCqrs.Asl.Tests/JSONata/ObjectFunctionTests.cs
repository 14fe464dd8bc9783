using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class ObjectFunctionTests
{
    [Fact]
    public void Keys_lists_the_field_names()
    {
        Evaluates("""["Street","City","Postcode"]""", "$keys(Address)", Address);
        Evaluates("""["type","number"]""", "$keys(Phone)", Address);
    }

    [Fact]
    public void Lookup_spread_merge()
    {
        Evaluates("\"Winchester\"", "$lookup(Address, 'City')", Address);
        Evaluates("""[{"a":1},{"b":2}]""", "$spread({'a': 1, 'b': 2})");
        Evaluates("""{"a":1,"b":3,"c":4}""", "$merge([{'a': 1, 'b': 2}, {'b': 3, 'c': 4}])");
    }

    [Fact]
    public void Each_and_sift_apply_a_function_to_each_field()
    {
        Evaluates("""["Street: Hursley Park","City: Winchester","Postcode: SO21 2JN"]""", "$each(Address, function($v, $k) {$k & ': ' & $v})", Address);
        Evaluates("""{"City":"Winchester"}""", "$sift(Address, function($v, $k) {$k = 'City'})", Address);
    }

    [Fact]
    public void Type_names_the_type_of_a_value()
    {
        Evaluates("\"string\"", "$type('a')");
        Evaluates("\"number\"", "$type(1)");
        Evaluates("\"null\"", "$type(null)");
        Evaluates("\"array\"", "$type([])");
        Evaluates("\"object\"", "$type({})");
        Evaluates("\"function\"", "$type($sum)");
        IsUndefined("$type(Nothing)");
    }

    [Fact]
    public void Error_and_assert_raise_errors_with_the_message()
    {
        var error = Fails("D3137", "$error('custom failure')");
        Assert.Contains("custom failure", error.Message);
        Fails("D3141", "$assert(1 = 2, 'not equal')");
        IsUndefined("$assert(1 = 1, 'equal')");
    }
}
