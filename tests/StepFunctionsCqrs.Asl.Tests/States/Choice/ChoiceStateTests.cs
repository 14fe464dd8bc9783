using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.States.Choice;

public class ChoiceStateTests
{
    private static string Machine(string rule) => $$"""
        { "StartAt": "C", "States": {
            "C": { "Type": "Choice", "Choices": [ {{rule}} ], "Default": "No" },
            "Yes": { "Type": "Pass", "Result": "yes", "End": true },
            "No": { "Type": "Pass", "Result": "no", "End": true } } }
        """;

    private static async Task<string?> Decide(string condition, string input)
    {
        var result = await Machines.Run(Machine($$"""{ {{condition}}, "Next": "Yes" }"""), input);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        return result.Output!.GetValue<string>();
    }

    [Theory]
    [InlineData("\"Variable\": \"$.s\", \"StringEquals\": \"abc\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringEquals\": \"ABC\"", "no")]
    [InlineData("\"Variable\": \"$.s\", \"StringLessThan\": \"abd\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringGreaterThan\": \"abc\"", "no")]
    [InlineData("\"Variable\": \"$.s\", \"StringLessThanEquals\": \"abc\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringGreaterThanEquals\": \"abc\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringMatches\": \"a*\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringMatches\": \"*c\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringMatches\": \"a*d\"", "no")]
    [InlineData("\"Variable\": \"$.star\", \"StringMatches\": \"a\\\\*c\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"StringMatches\": \"a\\\\*c\"", "no")]
    [InlineData("\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.same\"", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"StringEquals\": \"5\"", "no")]
    public async Task String_comparisons_compare_strings_and_a_value_of_another_type_never_matches(string condition, string expected)
    {
        Assert.Equal(expected, await Decide(condition, """{ "s": "abc", "same": "abc", "star": "a*c", "n": 5 }"""));
    }

    [Theory]
    [InlineData("\"Variable\": \"$.n\", \"NumericEquals\": 5", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"NumericEquals\": 5.0", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"NumericLessThan\": 5", "no")]
    [InlineData("\"Variable\": \"$.n\", \"NumericGreaterThan\": 4.5", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"NumericLessThanEquals\": 5", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 6", "no")]
    [InlineData("\"Variable\": \"$.n\", \"NumericLessThanPath\": \"$.m\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"NumericEquals\": 5", "no")]
    public async Task Numeric_comparisons_compare_numbers(string condition, string expected)
    {
        Assert.Equal(expected, await Decide(condition, """{ "n": 5, "m": 7, "s": "5" }"""));
    }

    [Theory]
    [InlineData("\"Variable\": \"$.t\", \"TimestampEquals\": \"2016-03-14T01:59:00Z\"", "yes")]
    [InlineData("\"Variable\": \"$.t\", \"TimestampEquals\": \"2016-03-14T02:59:00+01:00\"", "yes")]
    [InlineData("\"Variable\": \"$.t\", \"TimestampLessThan\": \"2016-03-14T02:00:00Z\"", "yes")]
    [InlineData("\"Variable\": \"$.t\", \"TimestampGreaterThan\": \"2016-03-14T02:00:00Z\"", "no")]
    [InlineData("\"Variable\": \"$.t\", \"TimestampGreaterThanEqualsPath\": \"$.t\"", "yes")]
    [InlineData("\"Variable\": \"$.bad\", \"TimestampLessThan\": \"2016-03-14T02:00:00Z\"", "no")]
    public async Task Timestamp_comparisons_compare_instants(string condition, string expected)
    {
        Assert.Equal(expected, await Decide(condition, """{ "t": "2016-03-14T01:59:00Z", "bad": "yesterday" }"""));
    }

    [Theory]
    [InlineData("\"Variable\": \"$.b\", \"BooleanEquals\": true", "yes")]
    [InlineData("\"Variable\": \"$.b\", \"BooleanEquals\": false", "no")]
    [InlineData("\"Variable\": \"$.b\", \"BooleanEqualsPath\": \"$.also\"", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"BooleanEquals\": true", "no")]
    public async Task BooleanEquals_compares_Booleans(string condition, string expected)
    {
        Assert.Equal(expected, await Decide(condition, """{ "b": true, "also": true, "s": "true" }"""));
    }

    [Theory]
    [InlineData("\"Variable\": \"$.nil\", \"IsNull\": true", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"IsNull\": false", "yes")]
    [InlineData("\"Variable\": \"$.missing\", \"IsPresent\": true", "no")]
    [InlineData("\"Variable\": \"$.missing\", \"IsPresent\": false", "yes")]
    [InlineData("\"Variable\": \"$.nil\", \"IsPresent\": true", "yes")]
    [InlineData("\"Variable\": \"$.n\", \"IsNumeric\": true", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"IsString\": true", "yes")]
    [InlineData("\"Variable\": \"$.b\", \"IsBoolean\": true", "yes")]
    [InlineData("\"Variable\": \"$.t\", \"IsTimestamp\": true", "yes")]
    [InlineData("\"Variable\": \"$.s\", \"IsTimestamp\": true", "no")]
    public async Task Type_tests_check_the_type_of_the_Variable(string condition, string expected)
    {
        Assert.Equal(expected, await Decide(condition, """{ "nil": null, "n": 1, "s": "x", "b": false, "t": "2016-03-14T01:59:00Z" }"""));
    }

    [Theory]
    [InlineData("\"And\": [ { \"Variable\": \"$.n\", \"NumericGreaterThan\": 1 }, { \"Variable\": \"$.n\", \"NumericLessThan\": 10 } ]", "yes")]
    [InlineData("\"And\": [ { \"Variable\": \"$.n\", \"NumericGreaterThan\": 1 }, { \"Variable\": \"$.n\", \"NumericLessThan\": 3 } ]", "no")]
    [InlineData("\"Or\": [ { \"Variable\": \"$.n\", \"NumericEquals\": 1 }, { \"Variable\": \"$.n\", \"NumericEquals\": 5 } ]", "yes")]
    [InlineData("\"Not\": { \"Variable\": \"$.n\", \"NumericEquals\": 5 }", "no")]
    [InlineData("\"Not\": { \"Or\": [ { \"Variable\": \"$.n\", \"NumericEquals\": 1 } ] }", "yes")]
    public async Task And_Or_and_Not_combine_rules(string condition, string expected)
    {
        Assert.Equal(expected, await Decide(condition, """{ "n": 5 }"""));
    }

    [Fact]
    public async Task The_first_matching_rule_wins()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [
                    { "Variable": "$.n", "NumericGreaterThan": 1, "Next": "A" },
                    { "Variable": "$.n", "NumericGreaterThan": 2, "Next": "B" } ] },
                "A": { "Type": "Pass", "Result": "A", "End": true },
                "B": { "Type": "Pass", "Result": "B", "End": true } } }
            """, """{ "n": 3 }""");
        Assert.Equal("A", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task When_no_rule_matches_and_there_is_no_Default_the_state_fails_with_States_NoChoiceMatched()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericEquals": 1, "Next": "Yes" } ] },
                "Yes": { "Type": "Succeed" } } }
            """, """{ "n": 2 }""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.NoChoiceMatched, result.Error);
    }

    [Fact]
    public async Task A_Variable_that_is_not_present_fails_the_state_with_States_Runtime()
    {
        var result = await Machines.Run(Machine("""{ "Variable": "$.missing", "StringEquals": "x", "Next": "Yes" }"""), "{}");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task A_Choice_state_passes_its_input_through_InputPath_and_OutputPath()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "InputPath": "$.in", "Choices": [ { "Variable": "$.ok", "BooleanEquals": true, "Next": "Done" } ] },
                "Done": { "Type": "Succeed" } } }
            """, """{ "in": { "ok": true }, "out": 1 }""");
        Machines.Equal("""{ "ok": true }""", result.Output);
        Assert.Contains(result.History, e => e.Type == "ChoiceStateExited");
    }

    [Fact]
    public async Task Variables_can_be_compared_and_a_rule_may_assign()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "limit": 3 }, "Next": "C" },
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$limit", "NumericEquals": 3, "Assign": { "picked": "three" }, "Next": "Done" } ] },
                "Done": { "Type": "Pass", "Parameters": { "picked.$": "$picked" }, "End": true } } }
            """);
        Machines.Equal("""{ "picked": "three" }""", result.Output);
    }
}
