using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class CatchTests
{
    private static ScriptedTasks Failing(string error, string cause = "it broke") =>
        new ScriptedTasks().On("arn:aws:states:::work", (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException(error, cause)));

    private static string Machine(string catchers) => $$"""
        { "StartAt": "T", "States": {
            "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": {{catchers}}, "Next": "Second" },
            "First": { "Type": "Pass", "Result": "first", "ResultPath": "$.via", "End": true },
            "Second": { "Type": "Pass", "Result": "second", "ResultPath": "$.via", "End": true } } }
        """;

    [Fact]
    public async Task When_no_ResultPath_is_given_the_error_output_replaces_the_input()
    {
        var result = await Machines.Run(Machine("""[ { "ErrorEquals": ["Boom"], "Next": "First" } ]"""), """{ "in": 1 }""", Failing("Boom"));
        Machines.Equal("""{ "Error": "Boom", "Cause": "it broke", "via": "first" }""", result.Output);
    }

    [Fact]
    public async Task A_catcher_ResultPath_places_the_error_output_into_the_raw_input()
    {
        var result = await Machines.Run(Machine("""[ { "ErrorEquals": ["Boom"], "ResultPath": "$.error", "Next": "First" } ]"""), """{ "in": 1 }""", Failing("Boom"));
        Machines.Equal("""{ "in": 1, "error": { "Error": "Boom", "Cause": "it broke" }, "via": "first" }""", result.Output);
    }

    [Fact]
    public async Task Catchers_are_scanned_in_order_and_the_first_match_wins()
    {
        var result = await Machines.Run(Machine("""
            [ { "ErrorEquals": ["Other"], "Next": "First" }, { "ErrorEquals": ["Boom"], "Next": "Second" }, { "ErrorEquals": ["States.ALL"], "Next": "First" } ]
            """), "{}", Failing("Boom"));
        Assert.Equal("second", result.Output!["via"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_error_no_catcher_matches_fails_the_execution()
    {
        var result = await Machines.Run(Machine("""[ { "ErrorEquals": ["Other"], "Next": "First" } ]"""), "{}", Failing("Boom"));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Boom", result.Error);
        Assert.Equal("it broke", result.Cause);
    }

    [Fact]
    public async Task Retries_are_used_up_before_Catch_applies()
    {
        var tasks = Failing("Boom");
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work",
                       "Retry": [ { "ErrorEquals": ["Boom"], "MaxAttempts": 2, "IntervalSeconds": 1 } ],
                       "Catch": [ { "ErrorEquals": ["Boom"], "Next": "Handled" } ], "End": true },
                "Handled": { "Type": "Pass", "End": true } } }
            """, "{}", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, tasks.Calls.Count);
    }

    [Fact]
    public async Task States_TaskFailed_matches_task_errors_but_not_States_Timeout()
    {
        var caught = await Machines.Run(Machine("""[ { "ErrorEquals": ["States.TaskFailed"], "Next": "First" } ]"""), "{}", Failing("Custom"));
        Assert.Equal(ExecutionStatus.Succeeded, caught.Status);
        var timeout = await Machines.Run(Machine("""[ { "ErrorEquals": ["States.TaskFailed"], "Next": "First" } ]"""), "{}", Failing(ErrorNames.Timeout));
        Assert.Equal(ExecutionStatus.Failed, timeout.Status);
    }

    [Fact]
    public async Task A_catcher_may_assign_variables_from_the_error_output()
    {
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": [ { "ErrorEquals": ["States.ALL"], "Assign": { "lastError.$": "$.Error" }, "Next": "Report" } ], "End": true },
                "Report": { "Type": "Pass", "Parameters": { "error.$": "$lastError" }, "End": true } } }
            """, "{}", Failing("Boom"));
        Machines.Equal("""{ "error": "Boom" }""", result.Output);
    }

    [Theory]
    [InlineData("States.ALL", "Anything", true)]
    [InlineData("States.ALL", "States.Timeout", true)]
    [InlineData("States.ALL", "States.Runtime", false)]
    [InlineData("States.ALL", "States.DataLimitExceeded", false)]
    [InlineData("States.TaskFailed", "Custom", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("Custom", "Custom", true)]
    [InlineData("Custom", "custom", false)]
    [InlineData("States.Runtime", "States.Runtime", false)]
    public void Error_names_are_matched_case_sensitively_with_the_reserved_wildcards(string listed, string error, bool matches)
    {
        Assert.Equal(matches, new ErrorMatcher([listed]).Matches(error));
    }
}
