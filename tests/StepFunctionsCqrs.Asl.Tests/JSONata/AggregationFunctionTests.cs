using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class AggregationFunctionTests
{
    private const string Orders = """{"Account":{"Order":[{"Product":[{"Price":34.45,"Quantity":2},{"Price":21.67,"Quantity":1}]},{"Product":[{"Price":34.45,"Quantity":4},{"Price":107.99,"Quantity":1}]}]}}""";

    [Fact]
    public void Sum_adds_an_array_of_numbers()
    {
        Evaluates("10", "$sum([1,2,3,4])");
        Evaluates("336.36", "$sum(Account.Order.Product.(Price * Quantity))", Orders);
        Evaluates("5", "$sum(5)");
    }

    [Fact]
    public void Max_min_average_and_count()
    {
        Evaluates("4", "$max([1,4,2])");
        Evaluates("1", "$min([1,4,2])");
        Evaluates("2.5", "$average([1,2,3,4])");
        Evaluates("4", "$count(Phone)", Address);
        Evaluates("0", "$count(Nothing)", Address);
        IsUndefined("$max([])");
    }

    [Fact]
    public void Aggregating_non_numbers_is_a_type_error()
    {
        Fails("T0412", "$sum(['a', 'b'])");
    }
}
