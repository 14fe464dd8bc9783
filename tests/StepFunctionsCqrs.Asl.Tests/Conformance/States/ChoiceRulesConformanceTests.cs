using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.States;

/// <summary>Choice rules as the language defines them: each operator, type mismatches, Boolean combinators, and errors.</summary>
public class ChoiceRulesConformanceTests
{
    /// <summary>Runs a Choice whose single rule is <paramref name="rule"/>; the output says which way it went.</summary>
    private static async Task<string> Branch(string rule, string input)
    {
        var result = await Machines.Run($$"""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ {{rule}} ], "Default": "No" },
                "Yes": { "Type": "Pass", "Result": "yes", "End": true },
                "No": { "Type": "Pass", "Result": "no", "End": true } } }
            """, input);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        return result.Output!.GetValue<string>();
    }

    private static Task<string> Rule(string comparison, string input) =>
        Branch($$"""{ "Variable": "$.v", {{comparison}}, "Next": "Yes" }""", input);

    [Theory]
    [InlineData("\"StringEquals\": \"abc\"", "\"abc\"", "yes")]
    [InlineData("\"StringEquals\": \"abc\"", "\"abd\"", "no")]
    [InlineData("\"StringLessThan\": \"b\"", "\"a\"", "yes")]
    [InlineData("\"StringGreaterThan\": \"b\"", "\"c\"", "yes")]
    [InlineData("\"StringLessThanEquals\": \"b\"", "\"b\"", "yes")]
    [InlineData("\"StringGreaterThanEquals\": \"b\"", "\"a\"", "no")]
    [InlineData("\"NumericEquals\": 1", "1.0", "yes")]
    [InlineData("\"NumericLessThan\": 10", "9.5", "yes")]
    [InlineData("\"NumericGreaterThan\": 10", "10", "no")]
    [InlineData("\"NumericLessThanEquals\": 10", "10", "yes")]
    [InlineData("\"NumericGreaterThanEquals\": -1", "-1", "yes")]
    [InlineData("\"BooleanEquals\": true", "true", "yes")]
    [InlineData("\"BooleanEquals\": false", "true", "no")]
    [InlineData("\"TimestampEquals\": \"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00Z\"", "yes")]
    [InlineData("\"TimestampLessThan\": \"2024-01-01T00:00:00Z\"", "\"2023-12-31T23:59:59Z\"", "yes")]
    [InlineData("\"TimestampGreaterThan\": \"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:01Z\"", "yes")]
    [InlineData("\"TimestampLessThanEquals\": \"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00Z\"", "yes")]
    [InlineData("\"TimestampGreaterThanEquals\": \"2024-01-01T00:00:00Z\"", "\"2023-01-01T00:00:00Z\"", "no")]
    public async Task Each_comparison_operator_compares_the_Variable_with_its_literal(string comparison, string value, string expected)
    {
        Assert.Equal(expected, await Rule(comparison, $$"""{ "v": {{value}} }"""));
    }

    [Fact]
    public async Task A_Choice_rule_comparing_a_string_to_a_number_is_false()
    {
        Assert.Equal("no", await Rule("\"NumericEquals\": 1", """{ "v": "1" }"""));
    }

    [Fact]
    public async Task A_string_comparison_against_a_number_value_is_false_not_an_error()
    {
        Assert.Equal("no", await Rule("\"StringEquals\": \"1\"", """{ "v": 1 }"""));
    }

    [Fact]
    public async Task BooleanEquals_does_not_treat_the_string_true_as_a_Boolean()
    {
        Assert.Equal("no", await Rule("\"BooleanEquals\": true", """{ "v": "true" }"""));
    }

    [Fact]
    public async Task A_timestamp_comparison_against_a_non_timestamp_string_is_false()
    {
        Assert.Equal("no", await Rule("\"TimestampEquals\": \"2024-01-01T00:00:00Z\"", """{ "v": "yesterday" }"""));
    }

    [Fact]
    public async Task Timestamps_with_different_offsets_compare_as_instants()
    {
        Assert.Equal("yes", await Rule("\"TimestampEquals\": \"2024-01-01T00:00:00Z\"", """{ "v": "2024-01-01T01:00:00+01:00" }"""));
    }

    [Fact]
    public async Task StringMatches_star_matches_any_run_of_characters()
    {
        Assert.Equal("yes", await Rule("\"StringMatches\": \"log-*.txt\"", """{ "v": "log-2024-01.txt" }"""));
        Assert.Equal("no", await Rule("\"StringMatches\": \"log-*.txt\"", """{ "v": "log-2024-01.csv" }"""));
    }

    [Fact]
    public async Task StringMatches_escaped_star_matches_only_a_literal_star()
    {
        Assert.Equal("yes", await Rule("\"StringMatches\": \"a\\\\*b\"", """{ "v": "a*b" }"""));
        Assert.Equal("no", await Rule("\"StringMatches\": \"a\\\\*b\"", """{ "v": "axxb" }"""));
    }

    [Fact]
    public async Task Path_forms_compare_with_the_value_at_another_path()
    {
        Assert.Equal("yes", await Rule("\"NumericLessThanPath\": \"$.limit\"", """{ "v": 3, "limit": 4 }"""));
        Assert.Equal("yes", await Rule("\"StringEqualsPath\": \"$.other\"", """{ "v": "x", "other": "x" }"""));
        Assert.Equal("yes", await Rule("\"BooleanEqualsPath\": \"$.other\"", """{ "v": false, "other": false }"""));
        Assert.Equal("yes", await Rule("\"TimestampGreaterThanPath\": \"$.other\"", """{ "v": "2024-01-02T00:00:00Z", "other": "2024-01-01T00:00:00Z" }"""));
    }

    [Theory]
    [InlineData("IsNull", "null", "yes")]
    [InlineData("IsNull", "0", "no")]
    [InlineData("IsNumeric", "1.5", "yes")]
    [InlineData("IsNumeric", "\"1\"", "no")]
    [InlineData("IsString", "\"s\"", "yes")]
    [InlineData("IsString", "{}", "no")]
    [InlineData("IsBoolean", "false", "yes")]
    [InlineData("IsBoolean", "0", "no")]
    [InlineData("IsTimestamp", "\"2024-01-01T00:00:00Z\"", "yes")]
    [InlineData("IsTimestamp", "\"2024-01-01\"", "no")]
    [InlineData("IsPresent", "0", "yes")]
    public async Task Type_tests_check_the_type_of_the_Variable(string test, string value, string expected)
    {
        Assert.Equal(expected, await Rule($"\"{test}\": true", $$"""{ "v": {{value}} }"""));
    }

    [Fact]
    public async Task A_type_test_with_false_is_the_negation()
    {
        Assert.Equal("yes", await Rule("\"IsString\": false", """{ "v": 1 }"""));
    }

    [Fact]
    public async Task IsPresent_false_matches_a_missing_field()
    {
        Assert.Equal("yes", await Rule("\"IsPresent\": false", "{}"));
    }

    [Fact]
    public async Task A_comparison_on_a_missing_Variable_fails_with_States_Runtime()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.missing", "StringEquals": "x", "Next": "Done" } ], "Default": "Done" },
                "Done": { "Type": "Succeed" } } }
            """, "{}");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task And_is_true_only_when_every_operand_is_true()
    {
        const string rule = """{ "And": [ { "Variable": "$.a", "NumericGreaterThan": 0 }, { "Variable": "$.b", "StringEquals": "x" } ], "Next": "Yes" }""";
        Assert.Equal("yes", await Branch(rule, """{ "a": 1, "b": "x" }"""));
        Assert.Equal("no", await Branch(rule, """{ "a": 1, "b": "y" }"""));
    }

    [Fact]
    public async Task Or_is_true_when_any_operand_is_true()
    {
        const string rule = """{ "Or": [ { "Variable": "$.a", "NumericEquals": 1 }, { "Variable": "$.a", "NumericEquals": 2 } ], "Next": "Yes" }""";
        Assert.Equal("yes", await Branch(rule, """{ "a": 2 }"""));
        Assert.Equal("no", await Branch(rule, """{ "a": 3 }"""));
    }

    [Fact]
    public async Task Not_negates_its_operand_and_combinators_nest()
    {
        const string rule = """{ "Not": { "Or": [ { "Variable": "$.a", "IsNull": true }, { "Variable": "$.a", "StringEquals": "" } ] }, "Next": "Yes" }""";
        Assert.Equal("yes", await Branch(rule, """{ "a": "x" }"""));
        Assert.Equal("no", await Branch(rule, """{ "a": "" }"""));
    }

    [Fact]
    public async Task Or_stops_at_the_first_true_operand_so_a_later_missing_path_is_not_evaluated()
    {
        const string rule = """{ "Or": [ { "Variable": "$.a", "IsPresent": true }, { "Variable": "$.missing", "StringEquals": "x" } ], "Next": "Yes" }""";
        Assert.Equal("yes", await Branch(rule, """{ "a": 1 }"""));
    }

    [Fact]
    public async Task The_first_matching_rule_wins()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [
                    { "Variable": "$.v", "NumericGreaterThan": 0, "Next": "First" },
                    { "Variable": "$.v", "NumericGreaterThan": 1, "Next": "Second" } ] },
                "First": { "Type": "Pass", "Result": "first", "End": true },
                "Second": { "Type": "Pass", "Result": "second", "End": true } } }
            """, """{ "v": 5 }""");
        Assert.Equal("first", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task No_matching_rule_and_no_Default_fails_with_States_NoChoiceMatched()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.v", "NumericEquals": 1, "Next": "Done" } ] },
                "Done": { "Type": "Succeed" } } }
            """, """{ "v": 2 }""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.NoChoiceMatched, result.Error);
    }

    [Fact]
    public async Task States_NoChoiceMatched_inside_a_branch_can_be_caught_by_the_Parallel_state()
    {
        var result = await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "C", "States": {
                        "C": { "Type": "Choice", "Choices": [ { "Variable": "$.v", "NumericEquals": 1, "Next": "D" } ] },
                        "D": { "Type": "Succeed" } } } ],
                       "Catch": [ { "ErrorEquals": ["States.NoChoiceMatched"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, """{ "v": 2 }""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(ErrorNames.NoChoiceMatched, result.Output!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Choice_passes_its_effective_input_through_InputPath_and_OutputPath()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "InputPath": "$.inner", "OutputPath": "$.v", "Choices": [ { "Variable": "$.v", "NumericEquals": 1, "Next": "Done" } ] },
                "Done": { "Type": "Pass", "End": true } } }
            """, """{ "inner": { "v": 1 } }""");
        Assert.Equal(1, result.Output!.GetValue<int>());
    }

    [Fact]
    public async Task A_rule_can_test_the_context_object()
    {
        var result = await Machines.Run("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$$.State.Name", "StringEquals": "C", "Next": "Yes" } ], "Default": "No" },
                "Yes": { "Type": "Pass", "Result": "yes", "End": true },
                "No": { "Type": "Pass", "Result": "no", "End": true } } }
            """);
        Assert.Equal("yes", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task A_rule_can_test_a_variable()
    {
        var result = await Machines.Run("""
            { "StartAt": "Set", "States": {
                "Set": { "Type": "Pass", "Assign": { "mode": "fast" }, "Next": "C" },
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$mode", "StringEquals": "fast", "Next": "Yes" } ], "Default": "No" },
                "Yes": { "Type": "Pass", "Result": "yes", "End": true },
                "No": { "Type": "Pass", "Result": "no", "End": true } } }
            """);
        Assert.Equal("yes", result.Output!.GetValue<string>());
    }
}
