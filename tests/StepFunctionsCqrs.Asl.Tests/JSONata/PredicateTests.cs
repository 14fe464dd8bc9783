using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class PredicateTests
{
    [Fact]
    public void An_index_selects_the_item_at_that_position_counting_from_zero()
    {
        Evaluates("""{"type":"home","number":"0203 544 1234"}""", "Phone[0]", Address);
        Evaluates("\"01962 001234\"", "Phone[1].number", Address);
    }

    [Fact]
    public void A_negative_index_counts_from_the_end()
    {
        Evaluates("""{"type":"mobile","number":"077 7700 1234"}""", "Phone[-1]", Address);
    }

    [Fact]
    public void An_index_out_of_range_is_undefined()
    {
        IsUndefined("Phone[8]", Address);
    }

    [Fact]
    public void A_predicate_applies_to_each_step_item_in_a_path()
    {
        Evaluates("""["fred.smith@my-work.com","freddy@my-social.com"]""", "Email.address[0]", Address);
        Evaluates("\"fred.smith@my-work.com\"", "(Email.address)[0]", Address);
    }

    [Fact]
    public void A_boolean_predicate_filters_the_items()
    {
        Evaluates("""["01962 001234","01962 001235"]""", "Phone[type='office'].number", Address);
    }

    [Fact]
    public void Predicates_can_be_chained()
    {
        Evaluates("\"01962 001235\"", "Phone[type='office'][1].number", Address);
    }

    [Fact]
    public void A_predicate_on_an_array_of_numbers_selects_those_indexes()
    {
        Evaluates("[1,3]", "$[[0,2]]", "[1,2,3]");
    }
}
