using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

[Collection(PipelineCollection.Name)]
public sealed class ExecutionApiTests(PipelineFixture fixture)
{
    private StepFunctionsClient Client => fixture.StepFunctions;

    [Fact]
    public async Task A_started_execution_succeeds_and_is_described_with_its_input_and_output()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);
        var started = await Client.StartExecutionAsync(machine, "run-1", """{"n":1}""");

        var described = await TestMachines.WaitUntilEndedAsync(fixture, started.ExecutionArn);

        Assert.Equal(machine.Replace(":stateMachine:", ":execution:") + ":run-1", started.ExecutionArn);
        Assert.Equal(ExecutionStatus.Succeeded, described.Status);
        Assert.Equal("run-1", described.Name);
        Assert.Equal(machine, described.StateMachineArn);
        Assert.Equal("""{"n":1}""", described.Input);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"n":1,"result":{"done":true}}"""), JsonNode.Parse(described.Output!)));
        Assert.NotNull(described.StopDate);
    }

    [Fact]
    public async Task Starting_a_running_execution_again_with_the_same_input_returns_the_same_execution()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Waiting);
        var first = await Client.StartExecutionAsync(machine, "same", """{"a":1}""");
        var second = await Client.StartExecutionAsync(machine, "same", """{ "a" : 1 }""");

        Assert.Equal(first.ExecutionArn, second.ExecutionArn);
        Assert.Equal(first.StartDate, second.StartDate);
        await Client.StopExecutionAsync(first.ExecutionArn);
    }

    [Fact]
    public async Task Starting_a_running_execution_again_with_other_input_is_refused_with_ExecutionAlreadyExists()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Waiting);
        var first = await Client.StartExecutionAsync(machine, "clash", """{"a":1}""");

        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() => Client.StartExecutionAsync(machine, "clash", """{"a":2}"""));
        Assert.Equal("ExecutionAlreadyExists", StepFunctionsErrors.ErrorCodeOf(error));
        await Client.StopExecutionAsync(first.ExecutionArn);
    }

    [Fact]
    public async Task Starting_a_finished_execution_again_is_refused_with_ExecutionAlreadyExists()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);
        var first = await Client.StartExecutionAsync(machine, "done", "{}");
        await TestMachines.WaitUntilEndedAsync(fixture, first.ExecutionArn);

        await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() => Client.StartExecutionAsync(machine, "done", "{}"));
    }

    [Fact]
    public async Task Starting_on_an_unknown_state_machine_is_refused_with_StateMachineDoesNotExist()
    {
        await Assert.ThrowsAsync<StateMachineDoesNotExistException>(() =>
            Client.StartExecutionAsync("arn:aws:states:us-east-1:000000000000:stateMachine:nobody-here", "x", "{}"));
    }

    [Fact]
    public async Task Input_that_is_not_JSON_is_refused_with_InvalidExecutionInput()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);

        await Assert.ThrowsAsync<InvalidExecutionInputException>(() => Client.StartExecutionAsync(machine, "bad-input", "{not json"));
    }

    [Fact]
    public async Task Input_that_is_not_JSON_names_the_parse_error_in_its_message()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);

        var error = await Assert.ThrowsAsync<InvalidExecutionInputException>(() => Client.StartExecutionAsync(machine, "bad-input-2", """{"a":1,}"""));

        Assert.Equal("InvalidExecutionInput", StepFunctionsErrors.ErrorCodeOf(error));
        Assert.StartsWith("Invalid State Machine Execution Input:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_of_exactly_262144_bytes_is_accepted()
    {
        // The result replaces the input, so the output stays far under the limit the engine applies to state data.
        var machine = await TestMachines.CreateAsync(fixture, """{"StartAt":"Shrink","States":{"Shrink":{"Type":"Pass","Result":{"done":true},"End":true}}}""");
        var input = InputOfBytes(262_144, "a");

        var started = await Client.StartExecutionAsync(machine, "largest-input", input);

        var described = await TestMachines.WaitUntilEndedAsync(fixture, started.ExecutionArn);
        Assert.True(described.Status == ExecutionStatus.Succeeded, $"{described.Status}: {described.Error} {described.Cause}");
        Assert.Equal(input, described.Input);
    }

    [Fact]
    public async Task Input_over_262144_UTF8_bytes_is_refused_even_when_it_has_fewer_characters_and_no_execution_is_recorded()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);
        var input = InputOfBytes(262_146, "é");
        Assert.True(input.Length < 262_144);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Client.StartExecutionAsync(machine, "too-large", input));

        Assert.Contains("'input'", error.Message, StringComparison.Ordinal);
        Assert.Contains("less than or equal to 262144", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ExecutionDoesNotExistException>(() =>
            Client.DescribeExecutionAsync(machine.Replace(":stateMachine:", ":execution:") + ":too-large"));
    }

    // A JSON string of `fill` characters, exactly `bytes` UTF-8 bytes long with its quotes.
    private static string InputOfBytes(int bytes, string fill)
    {
        var fillBytes = System.Text.Encoding.UTF8.GetByteCount(fill);
        var room = bytes - 2;
        Assert.Equal(0, room % fillBytes);
        var input = $"\"{string.Concat(Enumerable.Repeat(fill, room / fillBytes))}\"";
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetByteCount(input));
        return input;
    }

    [Fact]
    public async Task An_execution_name_with_forbidden_characters_is_refused_with_InvalidName()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);

        await Assert.ThrowsAsync<InvalidNameException>(() => Client.StartExecutionAsync(machine, "a/b", "{}"));
    }

    [Fact]
    public async Task Describing_an_unknown_execution_is_refused_with_ExecutionDoesNotExist_and_a_malformed_arn_with_InvalidArn()
    {
        await Assert.ThrowsAsync<ExecutionDoesNotExistException>(() =>
            Client.DescribeExecutionAsync("arn:aws:states:us-east-1:000000000000:execution:nobody:nothing"));
        await Assert.ThrowsAsync<InvalidArnException>(() => Client.DescribeExecutionAsync("not-an-arn"));
    }

    [Fact]
    public async Task Stopping_a_running_execution_aborts_it_with_the_given_error_and_cause()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Waiting);
        var started = await Client.StartExecutionAsync(machine, "to-stop", "{}");

        var stopped = await Client.StopExecutionAsync(started.ExecutionArn, "Operator", "no longer needed");

        var described = await Client.DescribeExecutionAsync(started.ExecutionArn);
        Assert.Equal(ExecutionStatus.Aborted, described.Status);
        Assert.Equal("Operator", described.Error);
        Assert.Equal("no longer needed", described.Cause);
        Assert.Equal(described.StopDate, stopped.StopDate);
        var history = await Client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(started.ExecutionArn) { ReverseOrder = true, MaxResults = 1 });
        Assert.Equal("ExecutionAborted", history.Events.Single().Type);
    }

    [Fact]
    public async Task List_executions_filters_by_status_and_pages_newest_first()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var started = await Client.StartExecutionAsync(machine, $"list-{i}", "{}");
            await TestMachines.WaitUntilEndedAsync(fixture, started.ExecutionArn);
            names.Add($"list-{i}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Client.ListExecutionsAsync(new ListExecutionsRequest
            {
                StateMachineArn = machine, StatusFilter = ExecutionStatus.Succeeded, MaxResults = 2, NextToken = token,
            });
            Assert.True(page.Executions.Count <= 2);
            Assert.All(page.Executions, e => Assert.Equal(ExecutionStatus.Succeeded, e.Status));
            seen.AddRange(page.Executions.Select(e => e.Name));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Reverse(names), seen);
        var running = await Client.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, StatusFilter = ExecutionStatus.Running });
        Assert.Empty(running.Executions);
    }

    [Fact]
    public async Task A_next_token_from_another_listing_is_refused_with_InvalidToken()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);

        await Assert.ThrowsAsync<InvalidTokenException>(() => Client.ListExecutionsAsync(new ListExecutionsRequest
        {
            StateMachineArn = machine, NextToken = "bm90LWEtdG9rZW4=",
        }));
    }

    [Fact]
    public async Task Execution_history_pages_in_order_reverses_and_leaves_data_out_on_request()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Quick);
        var started = await Client.StartExecutionAsync(machine, "history", """{"secret":"x"}""");
        await TestMachines.WaitUntilEndedAsync(fixture, started.ExecutionArn);

        var all = await ReadAllAsync(new GetExecutionHistoryRequest(started.ExecutionArn) { MaxResults = 2 });
        Assert.Equal(
            ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            all.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Id));

        var reversed = await ReadAllAsync(new GetExecutionHistoryRequest(started.ExecutionArn) { ReverseOrder = true, MaxResults = 3 });
        Assert.Equal(all.Select(e => e.Id).Reverse(), reversed.Select(e => e.Id));

        var withData = all[0].Details!["executionStartedEventDetails"];
        Assert.Equal("""{"secret":"x"}""", withData.GetProperty("input").GetString());
        var withoutData = await Client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(started.ExecutionArn) { IncludeExecutionData = false });
        Assert.False(withoutData.Events[0].Details!["executionStartedEventDetails"].TryGetProperty("input", out _));
        Assert.DoesNotContain(withoutData.Events, e => JsonSerializer.Serialize(e.Details).Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_history_of_a_running_execution_shows_the_events_so_far()
    {
        var machine = await TestMachines.CreateAsync(fixture, TestMachines.Waiting);
        var started = await Client.StartExecutionAsync(machine, "live", "{}");

        var history = await Client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(started.ExecutionArn));

        Assert.Equal("ExecutionStarted", history.Events[0].Type);
        Assert.DoesNotContain(history.Events, e => e.Type == "ExecutionSucceeded");
        await Client.StopExecutionAsync(started.ExecutionArn);
    }

    private async Task<List<HistoryEvent>> ReadAllAsync(GetExecutionHistoryRequest request)
    {
        var events = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = await Client.GetExecutionHistoryAsync(request with { NextToken = token });
            Assert.True(page.Events.Count <= request.MaxResults);
            events.AddRange(page.Events);
            token = page.NextToken;
        }
        while (token is not null);

        return events;
    }
}
