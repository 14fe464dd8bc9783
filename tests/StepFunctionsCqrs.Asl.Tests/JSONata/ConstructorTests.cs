using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class ConstructorTests
{
    [Fact]
    public void Array_constructor_flattens_sequences_but_nests_arrays()
    {
        Evaluates("""["0203 544 1234","01962 001234","01962 001235","077 7700 1234"]""", "[Phone.number]", Address);
        Evaluates("[1,[2,3],4]", "[1, [2, 3], 4]");
        Evaluates("[]", "[Nothing]", Address);
    }

    [Fact]
    public void Object_constructor_builds_an_object_from_key_value_pairs()
    {
        Evaluates("""{"name":"Fred Smith","city":"Winchester"}""", "{'name': FirstName & ' ' & Surname, 'city': Address.City}", Address);
    }

    [Fact]
    public void Object_constructor_leaves_out_undefined_values()
    {
        Evaluates("""{"a":1}""", "{'a': 1, 'b': Nothing}", Address);
    }

    [Fact]
    public void Grouping_on_a_path_gathers_values_under_each_key()
    {
        Evaluates("""{"home":"0203 544 1234","office":["01962 001234","01962 001235"],"mobile":"077 7700 1234"}""", "Phone{type: number}", Address);
        Evaluates("""{"home":1,"office":2,"mobile":1}""", "Phone{type: $count(number)}", Address);
    }

    [Fact]
    public void A_non_string_key_is_an_error()
    {
        Fails("T1003", "{1: 'a'}");
    }

    [Fact]
    public void An_empty_object_constructor_is_an_empty_object()
    {
        Evaluates("{}", "{}");
    }
}
