using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class ProgrammingTests
{
    [Fact]
    public void Variable_binding_assigns_a_value_for_the_rest_of_the_block()
    {
        Evaluates("6", "($x := 2; $y := 3; $x * $y)");
    }

    [Fact]
    public void A_block_scopes_its_variables()
    {
        Evaluates("1", "($x := 1; ($x := 2); $x)");
    }

    [Fact]
    public void Bindings_from_the_caller_are_variables()
    {
        var bindings = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["states"] = System.Text.Json.Nodes.JsonNode.Parse("""{"input":{"n":4}}""") };
        var result = Evaluate("$states.input.n * 2", null, bindings);
        Assert.Equal(8, result!.GetValue<long>());
    }

    [Fact]
    public void Lambda_functions_can_be_defined_and_invoked()
    {
        Evaluates("9", "($square := function($x) { $x * $x }; $square(3))");
        Evaluates("[1,4,9]", "$map([1,2,3], function($v) { $v * $v })");
    }

    [Fact]
    public void Lambdas_close_over_the_scope_they_are_defined_in()
    {
        Evaluates("15", "($add := function($a) { function($b) { $a + $b } }; $add5 := $add(5); $add5(10))");
    }

    [Fact]
    public void Lambdas_can_recurse()
    {
        Evaluates("120", "($fact := function($n) { $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(5))");
    }

    [Fact]
    public void Runaway_recursion_fails_with_a_stack_error_rather_than_crashing()
    {
        Fails("U1001", "($f := function($n) { $f($n + 1) + 1 }; $f(0))");
    }

    [Fact]
    public void A_lambda_signature_checks_its_arguments()
    {
        Evaluates("3", "($f := function($a, $b)<nn:n> { $a + $b }; $f(1, 2))");
        Fails("T0410", "($f := function($a, $b)<nn:n> { $a + $b }; $f(1, 'x'))");
    }

    [Fact]
    public void Partial_application_fixes_some_arguments()
    {
        Evaluates("\"Hello\"", "($first5 := $substring(?, 0, 5); $first5('Hello World'))");
        Evaluates("\"World\"", "($after := $substringAfter('Hello World', ?); $after(' '))");
    }

    [Fact]
    public void Function_application_passes_the_left_side_as_the_first_argument()
    {
        Evaluates("\"FRED\"", "FirstName ~> $uppercase()", Address);
        Evaluates("\"he\"", "'hello' ~> $substring(0, 2)");
    }

    [Fact]
    public void Function_chaining_composes_functions()
    {
        Evaluates("\"HELLO\"", "($f := $trim ~> $uppercase; $f('  hello '))");
    }

    [Fact(Skip = "Order-by inside a path is not yet evaluated as the reference does.")]
    public void Order_by_sorts_a_path_by_its_terms()
    {
        Evaluates("""["077 7700 1234","0203 544 1234","01962 001234","01962 001235"]""", "Phone^(>type, number).number", Address);
        Evaluates("[1,2,3]", "$^($)", "[3,1,2]");
    }

    [Fact(Skip = "The parser does not yet read the transform operator |...|.")]
    public void Transform_returns_a_modified_copy()
    {
        Evaluates("""{"a":{"b":2,"c":3}}""", """$ ~> |a|{"b": 2, "c": 3}|""", """{"a":{"b":1}}""");
        Evaluates("""{"a":{"c":1}}""", """$ ~> |a|{}, "b"|""", """{"a":{"b":1,"c":1}}""");
    }

    [Fact(Skip = "The parser does not yet read the transform operator |...|.")]
    public void Transform_leaves_the_input_unchanged()
    {
        var input = System.Text.Json.Nodes.JsonNode.Parse("""{"a":{"b":1}}""");
        StepFunctionsCqrs.Asl.JSONata.JsonataExpression.Parse("""$ ~> |a|{"b": 2}|""").Evaluate(input);
        Assert.Equal("""{"a":{"b":1}}""", input!.ToJsonString());
    }

    [Fact]
    public void Regex_literals_are_used_by_the_string_functions()
    {
        Evaluates("true", "$contains('Hello', /l+/)");
        Evaluates("\"h*ll*\"", "$replace('hello', /[aeiou]/, '*')");
        Evaluates("true", "$contains('HELLO', /hello/i)");
    }

    [Fact]
    public void Comments_are_ignored()
    {
        Evaluates("3", "/* add */ 1 + 2");
    }

    [Fact]
    public void Calling_an_unknown_function_is_an_error()
    {
        Fails("T1006", "$nothing(1)");
        Fails("T1005", "uppercase('a')");
    }
}
