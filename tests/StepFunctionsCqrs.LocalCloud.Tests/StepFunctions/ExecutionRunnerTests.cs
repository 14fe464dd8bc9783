using Microsoft.Extensions.Logging.Abstractions;
using StepFunctionsCqrs.Asl.Invokers;
using StepFunctionsCqrs.LocalCloud.StepFunctions;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

public sealed class ExecutionRunnerTests : IAsyncLifetime
{
    private const string MachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:bounded";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "localcloud-runner-tests", Guid.NewGuid().ToString("N"));
    private StepFunctionsStore store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        store = await StepFunctionsStore.OpenAsync(Path.Combine(folder, "stepfunctions.db"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Executions_beyond_the_bound_wait_their_turn_and_run_when_a_slot_frees()
    {
        await using var runner = Runner(maxConcurrent: 1);
        var holding = await StartAsync(runner, TestMachines.Waiting, "holding");
        var waiting = await StartAsync(runner, TestMachines.Quick, "waiting");

        Assert.Equal(1, runner.RunningCount);
        Assert.Equal(1, runner.QueuedCount);
        Assert.Equal("RUNNING", (await store.GetExecutionAsync(waiting.Arn, CancellationToken.None))!.Status);

        await runner.StopAsync(holding.Arn, "Test.Stop", "free the slot");
        await WaitUntilEndedAsync(waiting.Arn);

        Assert.Equal("ABORTED", (await store.GetExecutionAsync(holding.Arn, CancellationToken.None))!.Status);
        Assert.Equal("SUCCEEDED", (await store.GetExecutionAsync(waiting.Arn, CancellationToken.None))!.Status);
        Assert.Equal(0, runner.QueuedCount);
    }

    [Fact]
    public async Task Stopping_an_execution_that_waits_for_a_slot_aborts_it_without_running_it()
    {
        await using var runner = Runner(maxConcurrent: 1);
        var holding = await StartAsync(runner, TestMachines.Waiting, "holding");
        var waiting = await StartAsync(runner, TestMachines.Quick, "waiting");

        await runner.StopAsync(waiting.Arn, "Test.Stop", "never ran");

        var stopped = (await store.GetExecutionAsync(waiting.Arn, CancellationToken.None))!;
        Assert.Equal("ABORTED", stopped.Status);
        Assert.Equal("Test.Stop", stopped.Error);
        Assert.Null(stopped.Output);
        Assert.Equal(0, runner.QueuedCount);
        Assert.Equal(1, runner.RunningCount);
        await runner.StopAsync(holding.Arn, null, null);
    }

    [Fact]
    public async Task Waiting_for_room_returns_only_once_the_queue_is_shorter_than_the_bound()
    {
        await using var runner = Runner(maxConcurrent: 1);
        var holding = await StartAsync(runner, TestMachines.Waiting, "holding");
        await runner.WaitForRoomAsync(CancellationToken.None);
        var waiting = await StartAsync(runner, TestMachines.Waiting, "waiting");

        var room = runner.WaitForRoomAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(room.IsCompleted);

        await runner.StopAsync(holding.Arn, null, null);
        await room.WaitAsync(TimeSpan.FromSeconds(30));
        await runner.StopAsync(waiting.Arn, null, null);
    }

    [Fact]
    public async Task With_a_delay_scale_of_zero_a_ten_minute_Wait_ends_at_once_on_the_real_clock()
    {
        await using var runner = new ExecutionRunner(store, new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>>()),
            TimeProvider.System, NullLogger<ExecutionRunner>.Instance) { DelayScale = 0 };

        var held = await StartAsync(runner, TestMachines.Waiting, "instant");
        await WaitUntilEndedAsync(held.Arn);

        var ended = (await store.GetExecutionAsync(held.Arn, CancellationToken.None))!;
        Assert.Equal("SUCCEEDED", ended.Status);
        Assert.True(ended.StopDate - ended.StartDate < TimeSpan.FromMinutes(1), $"It ran from {ended.StartDate:O} to {ended.StopDate:O}.");
    }

    [Fact]
    public async Task A_redrive_cut_short_by_a_restart_runs_again_from_its_redrive_point_after_the_earlier_events()
    {
        ExecutionRecord stopped;
        await using (var first = Runner(maxConcurrent: 4))
        {
            var held = await StartAsync(first, TestMachines.Waiting, "restarted");
            while (first.Find(held.Arn)?.History.Count is not > 1)
            {
                await Task.Delay(20);
            }

            await first.StopAsync(held.Arn, "Stopped", "by the test");
            stopped = (await store.GetExecutionAsync(held.Arn, CancellationToken.None))!;
        }

        Assert.Equal("ABORTED", stopped.Status);
        Assert.NotNull(stopped.RedrivePoint);
        var earlier = System.Text.Json.Nodes.JsonNode.Parse(stopped.HistoryJson!)!.AsArray().Count;

        // Marked redriven as RedriveExecution does, and never run: the process died before the runner took it.
        var redriven = stopped with { Status = "RUNNING", RedriveCount = 1, RedriveDate = DateTimeOffset.UtcNow };
        Assert.True(await store.RedriveExecutionAsync(stopped, redriven, CancellationToken.None));
        Assert.False(await store.RedriveExecutionAsync(stopped, redriven, CancellationToken.None), "a second redrive of what it saw must lose");

        await store.InsertStateMachineAsync(new StateMachineRecord(MachineArn + "restarted", "boundedrestarted", TestMachines.Waiting,
            "arn:aws:iam::000000000000:role/test", "STANDARD", DateTimeOffset.UtcNow, null), CancellationToken.None);
        await using var second = new ExecutionRunner(store, new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>>()),
            TimeProvider.System, NullLogger<ExecutionRunner>.Instance) { DelayScale = 0 };
        Assert.Equal(1, await second.ResumeUnfinishedAsync(CancellationToken.None));
        await WaitUntilEndedAsync(stopped.Arn);

        var ended = (await store.GetExecutionAsync(stopped.Arn, CancellationToken.None))!;
        Assert.Equal("SUCCEEDED", ended.Status);
        Assert.Equal(1, ended.RedriveCount);
        var types = System.Text.Json.Nodes.JsonNode.Parse(ended.HistoryJson!)!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "WaitStateAborted", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"], types);
        Assert.Equal(earlier + 4, types.Count);
    }

    private ExecutionRunner Runner(int maxConcurrent) =>
        new(store, new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>>()), TimeProvider.System, NullLogger<ExecutionRunner>.Instance, maxConcurrent);

    private async Task<ExecutionRecord> StartAsync(ExecutionRunner runner, string definition, string name)
    {
        var machine = new StateMachineRecord(MachineArn + name, "bounded" + name, definition, "arn:aws:iam::000000000000:role/test", "STANDARD", DateTimeOffset.UtcNow, null);
        var execution = new ExecutionRecord(machine.Arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name, machine.Arn, name, "{}", "RUNNING", DateTimeOffset.UtcNow);
        Assert.Null(await store.InsertExecutionAsync(execution, CancellationToken.None));
        runner.Run(machine, execution);
        return execution;
    }

    private async Task WaitUntilEndedAsync(string arn)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if ((await store.GetExecutionAsync(arn, CancellationToken.None))!.Status != "RUNNING")
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{arn} is still RUNNING.");
    }
}
