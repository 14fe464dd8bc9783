using StepFunctionsCqrs.Asl.Validation;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Validation;

public class StateMachineValidatorTests
{
    private static IReadOnlyList<AslDiagnostic> Validate(string json) => StateMachineValidator.Validate(json);

    private static AslDiagnostic Single(string json, string code, string location)
    {
        var diagnostics = Validate(json);
        return Assert.Single(diagnostics, d => d.Code == code && d.Location == location);
    }

    [Fact]
    public void A_valid_definition_has_no_diagnostics()
    {
        Assert.Empty(Validate(Machines.Single("""{ "Type": "Pass", "End": true }""")));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var diagnostics = Validate("""
            { "StartAt": "A", "Bogus": 1, "States": {
                "A": { "Type": "Pass", "Next": "Nowhere", "Extra": true },
                "B": { "Type": "Task", "End": true },
                "C": { "Type": "Wait", "End": true } } }
            """);
        Assert.Contains(diagnostics, d => d.Location == "/Bogus");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MissingTransitionTarget && d.Location == "/States/A/Next");
        Assert.Contains(diagnostics, d => d.Location == "/States/A/Extra");
        Assert.Contains(diagnostics, d => d.Location == "/States/B" && d.Message.Contains("Resource"));
        Assert.Contains(diagnostics, d => d.Location == "/States/C" && d.Message.Contains("Seconds"));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.UnreachableState && d.Location == "/States/B");
    }

    [Fact]
    public void Parse_throws_with_every_problem_listed()
    {
        var e = Assert.Throws<AslDefinitionException>(() => StateMachineDefinition.Parse("""{ "StartAt": "X", "States": { "A": { "Type": "Nope" } } }"""));
        Assert.Contains(e.Diagnostics, d => d.Location == "/StartAt");
        Assert.Contains(e.Diagnostics, d => d.Location == "/States/A/Type");
        Assert.Contains("/States/A/Type", e.Message);
    }

    [Fact]
    public void Malformed_JSON_is_reported_as_such()
    {
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(Validate("{ \"StartAt\": ")).Code);
    }

    [Fact]
    public void StartAt_and_States_are_required()
    {
        var diagnostics = Validate("{}");
        Assert.Contains(diagnostics, d => d.Message.Contains("StartAt"));
        Assert.Contains(diagnostics, d => d.Message.Contains("States"));
    }

    [Fact]
    public void A_state_needs_Next_or_End_but_not_both()
    {
        Assert.Contains(Validate(Machines.Single("""{ "Type": "Pass" }""")), d => d.Location == "/States/S" && d.Message.Contains("'Next' or"));
        Assert.Contains(Validate(Machines.Single("""{ "Type": "Pass", "Next": "S", "End": true }""")), d => d.Message.Contains("both"));
    }

    [Fact]
    public void Succeed_Fail_and_Choice_states_cannot_have_Next_or_End()
    {
        Single(Machines.Single("""{ "Type": "Succeed", "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/End");
        Single(Machines.Single("""{ "Type": "Fail", "Next": "S" }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/Next");
    }

    [Fact]
    public void Fields_of_another_state_type_are_rejected()
    {
        Single(Machines.Single("""{ "Type": "Pass", "Resource": "x", "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/Resource");
    }

    [Fact]
    public void State_names_must_be_unique_across_the_whole_machine_including_branches()
    {
        Single("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Parallel", "Branches": [ { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } } ], "End": true } } }
            """, DiagnosticCodes.DuplicateStateName, "/States/A/Branches/0/States/A");
    }

    [Fact]
    public void A_transition_cannot_leave_its_branch()
    {
        Single("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "Next": "Out" } } } ], "Next": "Out" },
                "Out": { "Type": "Succeed" } } }
            """, DiagnosticCodes.MissingTransitionTarget, "/States/P/Branches/0/States/B/Next");
    }

    [Fact]
    public void Bad_paths_are_reported_where_they_are()
    {
        Single(Machines.Single("""{ "Type": "Pass", "InputPath": "a.b", "End": true }"""), DiagnosticCodes.InvalidPath, "/States/S/InputPath");
        Single(Machines.Single("""{ "Type": "Pass", "Parameters": { "x.$": "$..[" }, "End": true }"""), DiagnosticCodes.InvalidPath, "/States/S/Parameters/x.$");
    }

    [Fact]
    public void ResultPath_must_be_a_reference_path()
    {
        Single(Machines.Single("""{ "Type": "Pass", "ResultPath": "$.a[*]", "End": true }"""), DiagnosticCodes.InvalidPath, "/States/S/ResultPath");
    }

    [Fact]
    public void Bad_intrinsic_syntax_is_reported()
    {
        Single(Machines.Single("""{ "Type": "Pass", "Parameters": { "x.$": "States.Format('a', $.b" }, "End": true }"""), DiagnosticCodes.InvalidIntrinsic, "/States/S/Parameters/x.$");
    }

    [Fact]
    public void A_dot_dollar_field_must_hold_a_string()
    {
        Single(Machines.Single("""{ "Type": "Pass", "Parameters": { "x.$": ["$.a"] }, "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/Parameters/x.$");
    }

    [Fact]
    public void States_ALL_must_appear_alone_and_in_the_last_retrier()
    {
        var diagnostics = Validate(Machines.Single("""
            { "Type": "Task", "Resource": "r", "Retry": [ { "ErrorEquals": ["States.ALL", "X"] }, { "ErrorEquals": ["Y"] } ], "End": true }
            """));
        Assert.Contains(diagnostics, d => d.Location == "/States/S/Retry/0/ErrorEquals" && d.Message.Contains("alone"));
        Assert.Contains(diagnostics, d => d.Location == "/States/S/Retry/0/ErrorEquals" && d.Message.Contains("last"));
    }

    [Fact]
    public void Retrier_fields_are_range_checked()
    {
        var diagnostics = Validate(Machines.Single("""
            { "Type": "Task", "Resource": "r", "Retry": [ { "ErrorEquals": [], "IntervalSeconds": 0, "MaxAttempts": -1, "BackoffRate": 0.5, "JitterStrategy": "SOME", "Unknown": 1 } ], "End": true }
            """));
        foreach (var field in new[] { "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "JitterStrategy", "Unknown" })
        {
            Assert.Contains(diagnostics, d => d.Location == "/States/S/Retry/0/" + field);
        }
    }

    [Fact]
    public void A_catcher_needs_Next_that_names_a_state()
    {
        var diagnostics = Validate(Machines.Single("""{ "Type": "Task", "Resource": "r", "Catch": [ { "ErrorEquals": ["States.ALL"] }, { "ErrorEquals": ["X"], "Next": "Gone" } ], "End": true }"""));
        Assert.Contains(diagnostics, d => d.Location == "/States/S/Catch/0" && d.Message.Contains("Next"));
        Assert.Contains(diagnostics, d => d.Location == "/States/S/Catch/1/Next" && d.Code == DiagnosticCodes.MissingTransitionTarget);
        Assert.Contains(diagnostics, d => d.Location == "/States/S/Catch/0/ErrorEquals" && d.Message.Contains("last"));
    }

    [Fact]
    public void Reserved_error_names_must_be_predefined()
    {
        Single(Machines.Single("""{ "Type": "Task", "Resource": "r", "Retry": [ { "ErrorEquals": ["States.Made.Up"] } ], "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/Retry/0/ErrorEquals/0");
    }

    [Fact]
    public void Choice_rules_need_exactly_one_operator_with_an_operand_of_the_right_type()
    {
        var diagnostics = Validate("""
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [
                    { "Variable": "$.a", "Next": "D" },
                    { "Variable": "$.a", "NumericEquals": "1", "Next": "D" },
                    { "Variable": "$.a", "StringEquals": "x", "BooleanEquals": true, "Next": "D" },
                    { "Variable": "$.a", "TimestampEquals": "yesterday", "Next": "D" },
                    { "Not": { "Variable": "$.a", "IsNull": true, "Next": "D" }, "Next": "D" },
                    { "Variable": "$.a", "StringEquals": "x" } ], "Default": "D" },
                "D": { "Type": "Succeed" } } }
            """);
        Assert.Contains(diagnostics, d => d.Location == "/States/C/Choices/0");
        Assert.Contains(diagnostics, d => d.Location == "/States/C/Choices/1/NumericEquals");
        Assert.Contains(diagnostics, d => d.Location == "/States/C/Choices/2" && d.Message.Contains("exactly one"));
        Assert.Contains(diagnostics, d => d.Location == "/States/C/Choices/3/TimestampEquals");
        Assert.Contains(diagnostics, d => d.Location == "/States/C/Choices/4/Not/Next");
        Assert.Contains(diagnostics, d => d.Location == "/States/C/Choices/5" && d.Message.Contains("Next"));
    }

    [Fact]
    public void JSONata_is_rejected_with_a_clear_message()
    {
        var d = Assert.Single(Validate("""{ "QueryLanguage": "JSONata", "StartAt": "S", "States": { "S": { "Type": "Pass", "End": true } } }"""));
        Assert.Equal(DiagnosticCodes.UnsupportedQueryLanguage, d.Code);
        Assert.Contains("JSONPath", d.Message);
        Single(Machines.Single("""{ "Type": "Pass", "Output": "{% $states.input %}", "End": true }"""), DiagnosticCodes.UnsupportedQueryLanguage, "/States/S/Output");
    }

    [Fact]
    public void Wait_takes_exactly_one_of_its_timing_fields()
    {
        Assert.Contains(Validate(Machines.Single("""{ "Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true }""")), d => d.Message.Contains("exactly one"));
        Single(Machines.Single("""{ "Type": "Wait", "Timestamp": "tomorrow", "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/Timestamp");
    }

    [Fact]
    public void Fail_cannot_have_both_Error_and_ErrorPath()
    {
        Assert.Contains(Validate(Machines.Single("""{ "Type": "Fail", "Error": "E", "ErrorPath": "$.e" }""")), d => d.Message.Contains("together"));
    }

    [Fact]
    public void Task_HeartbeatSeconds_must_be_smaller_than_TimeoutSeconds()
    {
        Single(Machines.Single("""{ "Type": "Task", "Resource": "r", "TimeoutSeconds": 5, "HeartbeatSeconds": 5, "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/HeartbeatSeconds");
    }

    [Fact]
    public void Distributed_only_Map_fields_are_rejected_on_an_inline_Map()
    {
        Single(Machines.Single("""
            { "Type": "Map", "ToleratedFailureCount": 1, "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } }, "End": true }
            """), DiagnosticCodes.SchemaValidationFailed, "/States/S/ToleratedFailureCount");
    }

    [Fact]
    public void A_Map_needs_an_ItemProcessor_and_validates_it_as_a_nested_machine()
    {
        Assert.Contains(Validate(Machines.Single("""{ "Type": "Map", "End": true }""")), d => d.Message.Contains("ItemProcessor"));
        Single(Machines.Single("""
            { "Type": "Map", "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass" } } }, "End": true }
            """), DiagnosticCodes.SchemaValidationFailed, "/States/S/ItemProcessor/States/P");
    }

    [Fact]
    public void Assign_variable_names_must_be_identifiers()
    {
        Single(Machines.Single("""{ "Type": "Pass", "Assign": { "bad-name": 1 }, "End": true }"""), DiagnosticCodes.SchemaValidationFailed, "/States/S/Assign/bad-name");
    }

    [Fact]
    public void The_project_command_pipeline_is_valid()
    {
        Assert.Empty(Validate(CommandPipelineFile.Read()));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{ "StartAt": 1, "States": [] }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": "Pass" } }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": 5 } } }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": "Choice", "Choices": [1, { "And": 2, "Next": "A" }, { "Not": [], "Next": "A" }] } } }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": "Parallel", "Branches": [1, { }], "End": "yes" } } }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": "Map", "ItemProcessor": { "ProcessorConfig": 3, "States": {} }, "ItemBatcher": [], "End": true } } }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "r", "Retry": {}, "Catch": [1, { "ErrorEquals": [1] }], "TimeoutSeconds": "x", "End": true } } }""")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": [], "Parameters": { "a.$": 1 }, "InputPath": 2, "End": true } } }""")]
    public void Malformed_definitions_are_reported_without_throwing(string json)
    {
        Assert.NotEmpty(Validate(json));
        Assert.Throws<AslDefinitionException>(() => StateMachineDefinition.Parse(json));
    }
}
