using StepFunctionsCqrs.Asl.Tests.Support;
using StepFunctionsCqrs.Asl.Validation;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.Validation;

/// <summary>ValidateStateMachineDefinition-style diagnostics: each problem with its location, all of them at once.</summary>
public class ValidationConformanceTests
{
    private static IReadOnlyList<AslDiagnostic> Validate(string json) => StateMachineValidator.Validate(json);

    private static void Reports(string json, string location, string? code = null)
    {
        var diagnostics = Validate(json);
        Assert.True(diagnostics.Any(d => d.Location == location && (code is null || d.Code == code)),
            $"Expected a problem at {location}{(code is null ? "" : $" ({code})")} but got: {string.Join("; ", diagnostics)}");
    }

    [Fact]
    public void StartAt_naming_no_state_is_a_missing_transition_target()
    {
        Reports("""{ "StartAt": "Nope", "States": { "A": { "Type": "Pass", "End": true } } }""", "/StartAt", DiagnosticCodes.MissingTransitionTarget);
    }

    [Fact]
    public void A_Choice_Default_and_rule_Next_must_name_states()
    {
        const string json = """
            { "StartAt": "C", "States": { "C": { "Type": "Choice", "Choices": [ { "Variable": "$.a", "IsPresent": true, "Next": "Gone" } ], "Default": "Missing" } } }
            """;
        Reports(json, "/States/C/Default", DiagnosticCodes.MissingTransitionTarget);
        Reports(json, "/States/C/Choices/0/Next", DiagnosticCodes.MissingTransitionTarget);
    }

    [Fact]
    public void A_Choice_state_needs_a_non_empty_Choices_array()
    {
        var diagnostics = Validate("""{ "StartAt": "C", "States": { "C": { "Type": "Choice", "Choices": [] , "Default": "D" }, "D": { "Type": "Succeed" } } }""");
        Assert.Contains(diagnostics, d => d.Location.StartsWith("/States/C", StringComparison.Ordinal) && d.Message.Contains("Choices"));
    }

    [Fact]
    public void An_unknown_state_Type_is_reported_at_the_state()
    {
        Reports(Machines.Single("""{ "Type": "Sleep", "End": true }"""), "/States/S/Type");
    }

    [Fact]
    public void A_Wait_Timestamp_that_is_not_RFC3339_is_reported()
    {
        Reports(Machines.Single("""{ "Type": "Wait", "Timestamp": "2024-01-01 00:00:00", "End": true }"""), "/States/S/Timestamp");
    }

    [Fact]
    public void Negative_Wait_Seconds_are_reported()
    {
        Reports(Machines.Single("""{ "Type": "Wait", "Seconds": -1, "End": true }"""), "/States/S/Seconds");
    }

    [Fact]
    public void Task_TimeoutSeconds_must_be_positive()
    {
        Reports(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSeconds": 0, "End": true }"""), "/States/S/TimeoutSeconds");
    }

    [Fact]
    public void A_BackoffRate_below_one_is_reported_at_the_retrier()
    {
        var diagnostics = Validate(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "Retry": [ { "ErrorEquals": ["E"], "BackoffRate": 0.5 } ], "End": true }"""));
        Assert.Contains(diagnostics, d => d.Location.StartsWith("/States/S/Retry/0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_Map_MaxConcurrency_is_reported()
    {
        Reports(Machines.Single("""{ "Type": "Map", "MaxConcurrency": -1, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }"""), "/States/S/MaxConcurrency");
    }

    [Fact]
    public void Problems_inside_a_Parallel_branch_are_located_inside_the_branch()
    {
        Reports(Machines.Single("""
            { "Type": "Parallel", "Branches": [ { "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "Nowhere" } } } ], "End": true }
            """), "/States/S/Branches/0/States/A/Next", DiagnosticCodes.MissingTransitionTarget);
    }

    [Fact]
    public void An_unreachable_state_inside_a_branch_is_reported()
    {
        Reports(Machines.Single("""
            { "Type": "Parallel", "Branches": [ { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true }, "Orphan": { "Type": "Pass", "End": true } } } ], "End": true }
            """), "/States/S/Branches/0/States/Orphan", DiagnosticCodes.UnreachableState);
    }

    [Fact]
    public void A_state_level_JSONata_query_language_is_rejected_at_that_state()
    {
        var diagnostics = Validate(Machines.Single("""{ "Type": "Pass", "QueryLanguage": "JSONata", "End": true }"""));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.UnsupportedQueryLanguage && d.Location.StartsWith("/States/S", StringComparison.Ordinal));
    }

    [Fact]
    public void Top_level_Comment_Version_and_TimeoutSeconds_are_allowed()
    {
        Assert.Empty(Validate("""{ "Comment": "c", "Version": "1.0", "TimeoutSeconds": 60, "StartAt": "A", "States": { "A": { "Type": "Pass", "Comment": "x", "End": true } } }"""));
    }

    [Fact]
    public void A_Map_ItemsPath_that_is_not_a_path_is_reported()
    {
        Reports(Machines.Single("""{ "Type": "Map", "ItemsPath": "items", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } }, "End": true }"""), "/States/S/ItemsPath");
    }

    [Fact]
    public void A_Choice_Variable_that_is_not_a_path_is_reported()
    {
        Reports("""{ "StartAt": "C", "States": { "C": { "Type": "Choice", "Choices": [ { "Variable": "a", "IsPresent": true, "Next": "D" } ] }, "D": { "Type": "Succeed" } } }""", "/States/C/Choices/0/Variable");
    }

    [Fact]
    public void All_problems_in_different_states_are_reported_together()
    {
        var diagnostics = Validate("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Wait", "Seconds": -5, "Next": "B" },
                "B": { "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSeconds": 0, "Next": "C" },
                "C": { "Type": "Pass", "InputPath": "bad", "End": true } } }
            """);
        Assert.Contains(diagnostics, d => d.Location == "/States/A/Seconds");
        Assert.Contains(diagnostics, d => d.Location == "/States/B/TimeoutSeconds");
        Assert.Contains(diagnostics, d => d.Location == "/States/C/InputPath");
    }

    [Theory]
    [InlineData("""{ "Type": "Wait", "Seconds": 100000000, "End": true }""", "/States/S/Seconds")]
    [InlineData("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSeconds": 100000000, "End": true }""", "/States/S/TimeoutSeconds")]
    [InlineData("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "Retry": [ { "ErrorEquals": ["E"], "IntervalSeconds": 100000000 } ], "End": true }""", "/States/S/Retry/0/IntervalSeconds")]
    [InlineData("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "Retry": [ { "ErrorEquals": ["E"], "MaxAttempts": 100000000 } ], "End": true }""", "/States/S/Retry/0/MaxAttempts")]
    public void Durations_and_attempts_above_99999999_are_rejected(string state, string location)
    {
        Reports(Machines.Single(state), location);
    }

    [Fact]
    public void The_largest_allowed_Wait_Seconds_is_accepted()
    {
        Assert.Empty(Validate(Machines.Single("""{ "Type": "Wait", "Seconds": 99999999, "End": true }""")));
    }

    [Fact]
    public void A_Next_inside_a_nested_Choice_condition_is_rejected()
    {
        var diagnostics = Validate("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Not": { "Variable": "$.a", "IsPresent": true, "Next": "D" }, "Next": "D" } ] },
                "D": { "Type": "Succeed" } } }
            """);
        Assert.Contains(diagnostics, d => d.Location.StartsWith("/States/C/Choices/0/Not", StringComparison.Ordinal));
    }

    [Fact]
    public void A_state_name_longer_than_80_characters_is_rejected()
    {
        var name = new string('n', 81);
        var diagnostics = Validate($$"""{ "StartAt": "{{name}}", "States": { "{{name}}": { "Type": "Pass", "End": true } } }""");
        Assert.Contains(diagnostics, d => d.Location == $"/States/{name}");
    }

    [Fact]
    public void Fail_CausePath_may_only_call_an_intrinsic_that_returns_a_string()
    {
        Reports(Machines.Single("""{ "Type": "Fail", "CausePath": "States.ArrayLength($.a)" }"""), "/States/S/CausePath");
        Assert.Empty(Validate(Machines.Single("""{ "Type": "Fail", "CausePath": "States.Format('n={}', $.n)", "ErrorPath": "States.ArrayGetItem($.errors, 0)" }""")));
    }

    [Fact]
    public void Fail_ErrorPath_must_be_a_reference_path()
    {
        Reports(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$.errors[*]" }"""), "/States/S/ErrorPath");
        Assert.Empty(Validate(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$.error.name" }""")));
        Assert.Empty(Validate(Machines.Single("""{ "Type": "Fail", "ErrorPath": "$$.State.Name", "CausePath": "$$.Execution.Name" }""")));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("{}")]
    public void A_Fail_ErrorPath_that_is_not_a_string_is_reported_not_thrown(string value)
    {
        Reports(Machines.Single($$"""{ "Type": "Fail", "ErrorPath": {{value}} }"""), "/States/S/ErrorPath");
    }
}
