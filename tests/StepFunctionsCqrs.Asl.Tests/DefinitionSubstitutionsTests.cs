namespace StepFunctionsCqrs.Asl.Tests;

public class DefinitionSubstitutionsTests
{
    [Fact]
    public void Every_placeholder_is_replaced_by_its_value()
    {
        var result = DefinitionSubstitutions.Apply("""{ "Resource": "${Fn}", "Other": "${Fn}-${Env}" }""", new Dictionary<string, string> { ["Fn"] = "arn:x", ["Env"] = "dev" });
        Assert.Equal("""{ "Resource": "arn:x", "Other": "arn:x-dev" }""", result);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_named_in_the_error()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => DefinitionSubstitutions.Apply("""{ "Resource": "${Missing}" }""", new Dictionary<string, string>()));
        Assert.Contains("${Missing}", e.Message);
    }
}
