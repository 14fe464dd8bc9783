using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.Common;

/// <summary>Retry and Catch as the language defines them: matching, defaults, back-off, and the errors no wildcard handles.</summary>
public class ErrorHandlingConformanceTests
{
    private const string Work = "arn:aws:states:::work";

    private static ScriptedTasks Failing(string error, string cause = "why") =>
        new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException(error, cause)));

    private static string Caught(string errorEquals) => $$"""
        { "StartAt": "T", "States": {
            "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": [ { "ErrorEquals": {{errorEquals}}, "Next": "Caught" } ], "End": true },
            "Caught": { "Type": "Pass", "End": true } } }
        """;

    private static string Retried(string retrier) => $$"""
        { "StartAt": "T", "States": {
            "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Retry": [ {{retrier}} ], "End": true } } }
        """;

    [Fact]
    public async Task States_ALL_catches_a_custom_task_error()
    {
        var result = await Machines.Run(Caught("""["States.ALL"]"""), "{}", Failing("Custom.Error"));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Machines.Equal("""{ "Error": "Custom.Error", "Cause": "why" }""", result.Output);
    }

    [Fact]
    public async Task States_TaskFailed_catches_a_custom_task_error()
    {
        var result = await Machines.Run(Caught("""["States.TaskFailed"]"""), "{}", Failing("Custom.Error"));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task States_TaskFailed_does_not_catch_States_Timeout()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var tasks = new ScriptedTasks().OnCall(Work, async _ => { await Task.Delay(TimeSpan.FromSeconds(30), time); return null; });
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "TimeoutSeconds": 2, "Catch": [ { "ErrorEquals": ["States.TaskFailed"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, "{}", tasks, time);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.Timeout, result.Error);
    }

    [Fact]
    public async Task States_Timeout_catches_a_heartbeat_timeout()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var tasks = new ScriptedTasks().OnCall(Work, async _ => { await Task.Delay(TimeSpan.FromSeconds(30), time); return null; });
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "HeartbeatSeconds": 2, "Catch": [ { "ErrorEquals": ["States.Timeout"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, "{}", tasks, time);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(ErrorNames.HeartbeatTimeout, result.Output!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Error_names_are_case_sensitive()
    {
        var result = await Machines.Run(Caught("""["custom.error"]"""), "{}", Failing("Custom.Error"));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
    }

    [Fact]
    public async Task A_catcher_lists_several_error_names()
    {
        var result = await Machines.Run(Caught("""["A", "B"]"""), "{}", Failing("B"));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_catcher_ResultPath_of_null_discards_the_error_output()
    {
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, """{ "keep": 1 }""", Failing("E"));
        Machines.Equal("""{ "keep": 1 }""", result.Output);
    }

    [Fact]
    public async Task Retry_defaults_are_three_attempts_after_the_first()
    {
        var tasks = Failing("E");
        var result = await Machines.Run(Retried("""{ "ErrorEquals": ["E"] }"""), "{}", tasks);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(4, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task MaxAttempts_zero_means_never_retry()
    {
        var tasks = Failing("E");
        await Machines.Run(Retried("""{ "ErrorEquals": ["E"], "MaxAttempts": 0 }"""), "{}", tasks);
        Assert.Equal(1, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task Retry_waits_IntervalSeconds_then_multiplies_by_BackoffRate()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var calls = new List<TimeSpan>();
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => { calls.Add(time.GetUtcNow() - Machines.Epoch); throw new StatesException("E", "c"); }));
        await Machines.Run(Retried("""{ "ErrorEquals": ["E"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 3 }"""), "{}", tasks, time);
        Assert.Equal([0, 2, 8, 26], calls.Select(c => (int)c.TotalSeconds));
    }

    [Fact]
    public async Task MaxDelaySeconds_caps_the_backed_off_interval()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var calls = new List<TimeSpan>();
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => { calls.Add(time.GetUtcNow() - Machines.Epoch); throw new StatesException("E", "c"); }));
        await Machines.Run(Retried("""{ "ErrorEquals": ["E"], "IntervalSeconds": 2, "BackoffRate": 10, "MaxAttempts": 3, "MaxDelaySeconds": 5 }"""), "{}", tasks, time);
        Assert.Equal([0, 2, 7, 12], calls.Select(c => (int)c.TotalSeconds));
    }

    [Fact]
    public async Task JitterStrategy_FULL_never_waits_longer_than_the_backed_off_interval()
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var calls = new List<TimeSpan>();
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => { calls.Add(time.GetUtcNow() - Machines.Epoch); throw new StatesException("E", "c"); }));
        await Machines.Run(Retried("""{ "ErrorEquals": ["E"], "IntervalSeconds": 4, "BackoffRate": 1, "MaxAttempts": 2, "JitterStrategy": "FULL" }"""), "{}", tasks, time);
        Assert.Equal(3, calls.Count);
        Assert.InRange((calls[1] - calls[0]).TotalSeconds, 0, 4.5);
        Assert.InRange((calls[2] - calls[1]).TotalSeconds, 0, 4.5);
    }

    [Fact]
    public async Task The_first_retrier_whose_ErrorEquals_matches_is_used_even_when_exhausted()
    {
        var tasks = Failing("E");
        await Machines.Run(Retried("""{ "ErrorEquals": ["E"], "MaxAttempts": 1, "IntervalSeconds": 1 }, { "ErrorEquals": ["States.ALL"], "MaxAttempts": 5, "IntervalSeconds": 1 }"""), "{}", tasks);
        Assert.Equal(2, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task Each_retrier_keeps_its_own_count_across_alternating_errors()
    {
        var n = 0;
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => throw new StatesException(n++ % 2 == 0 ? "A" : "B", "c")));
        await Machines.Run(Retried("""{ "ErrorEquals": ["A"], "MaxAttempts": 2, "IntervalSeconds": 1 }, { "ErrorEquals": ["B"], "MaxAttempts": 2, "IntervalSeconds": 1 }"""), "{}", tasks);
        // A, B, A, B, A: the third A exceeds its retrier's two attempts.
        Assert.Equal(5, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task States_ALL_in_a_retrier_does_not_retry_States_Runtime()
    {
        var tasks = new ScriptedTasks().On(Work, _ => new JsonObject());
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "ResultSelector": { "x.$": "$.missing" },
                       "Retry": [ { "ErrorEquals": ["States.ALL"], "IntervalSeconds": 1 } ], "End": true } } }
            """, "{}", tasks);
        Assert.Equal(ErrorNames.Runtime, result.Error);
        Assert.Equal(1, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task Retry_then_succeed_makes_the_state_succeed()
    {
        var n = 0;
        var tasks = new ScriptedTasks().On(Work, _ => ++n < 2 ? throw new StatesException("E", "c") : JsonValue.Create("ok"));
        var result = await Machines.Run(Retried("""{ "ErrorEquals": ["E"], "IntervalSeconds": 1 }"""), "{}", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("ok", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task An_uncaught_error_fails_the_execution_with_its_name_and_cause()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "End": true }"""), "{}", Failing("My.Error", "details"));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("My.Error", result.Error);
        Assert.Equal("details", result.Cause);
    }

    [Fact]
    public async Task A_Fail_state_error_inside_a_Parallel_is_caught_by_its_own_name()
    {
        var result = await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "Oops", "Cause": "bad" } } } ],
                       "Catch": [ { "ErrorEquals": ["Oops"], "ResultPath": "$.err", "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true } } }
            """, """{ "in": 1 }""");
        Machines.Equal("""{ "in": 1, "err": { "Error": "Oops", "Cause": "bad" } }""", result.Output);
    }

    [Fact]
    public async Task A_Parallel_state_is_retried_as_a_whole()
    {
        var tasks = Failing("E");
        await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::work", "End": true } } } ],
                       "Retry": [ { "ErrorEquals": ["E"], "MaxAttempts": 2, "IntervalSeconds": 1 } ], "End": true } } }
            """, "{}", tasks);
        Assert.Equal(3, tasks.CallsTo(Work));
    }

    [Fact]
    public async Task A_retrier_parameters_apply_across_all_visits_within_one_state_execution()
    {
        // The language specification's example: errors A, B, C, B; the first retrier's two retries are used up by A and B.
        var time = new FakeTimeProvider(Machines.Epoch);
        var errors = new Queue<string>(["ErrorA", "ErrorB", "ErrorC", "ErrorB", "ErrorB"]);
        var calls = new List<int>();
        var tasks = new ScriptedTasks().On(Work, (Func<JsonNode?, JsonNode?>)(_ => { calls.Add((int)(time.GetUtcNow() - Machines.Epoch).TotalSeconds); throw new StatesException(errors.Dequeue(), "c"); }));
        var result = await Machines.Run("""
            { "StartAt": "X", "States": {
                "X": { "Type": "Task", "Resource": "arn:aws:states:::work", "Next": "Y",
                       "Retry": [ { "ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2.0, "MaxAttempts": 2 },
                                  { "ErrorEquals": ["ErrorC"], "IntervalSeconds": 5 } ],
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Z" } ] },
                "Y": { "Type": "Pass", "End": true },
                "Z": { "Type": "Pass", "Result": "z", "End": true } } }
            """, "{}", tasks, time);
        Assert.Equal("z", result.Output!.GetValue<string>());
        Assert.Equal([0, 1, 3, 8], calls);
    }

    [Fact]
    public async Task A_zero_attempt_retrier_before_States_ALL_excludes_its_errors_from_retry()
    {
        var tasks = Failing("States.Permissions");
        var result = await Machines.Run(Retried("""{ "ErrorEquals": ["States.Permissions"], "MaxAttempts": 0 }, { "ErrorEquals": ["States.ALL"], "IntervalSeconds": 1 }"""), "{}", tasks);
        Assert.Equal("States.Permissions", result.Error);
        Assert.Equal(1, tasks.CallsTo(Work));
    }
}
