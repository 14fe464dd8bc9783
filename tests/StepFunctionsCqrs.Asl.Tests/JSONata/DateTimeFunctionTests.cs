using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.JSONata;
using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class DateTimeFunctionTests
{
    [Fact]
    public void Now_and_millis_read_the_clock_once_per_evaluation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero));
        var result = JsonataExpression.Parse("[$now(), $millis(), $now() = $now()]").Evaluate(null, null, time)!;
        Assert.Equal("""["2024-05-06T07:08:09.123Z",1714979289123,true]""", result.ToJsonString());
    }

    [Fact]
    public void FromMillis_and_toMillis_convert_ISO_8601()
    {
        Evaluates("\"2017-11-07T15:07:54.972Z\"", "$fromMillis(1510067274972)");
        Evaluates("1510067274972", "$toMillis('2017-11-07T15:07:54.972Z')");
        Evaluates("1510012800000", "$toMillis('2017-11-07')");
        Evaluates("1510063674972", "$toMillis('2017-11-07T15:07:54.972+01:00')");
        Fails("D3110", "$toMillis('yesterday')");
    }
}
