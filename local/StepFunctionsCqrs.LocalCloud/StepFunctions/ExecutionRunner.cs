using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// Runs executions on the ASL engine in the background and records how each ended. An execution is stored as
/// RUNNING before it starts, so one cut short by a crash or shutdown is found again and re-run from the start
/// (the task handlers are idempotent); only ended executions get their final status and history written.
/// At most <see cref="MaxConcurrent"/> executions run at once; the others wait their turn in start order. Without that
/// bound a burst of starts runs every execution at once in this one process, and executions racing for the same
/// aggregate exhaust their conflict retries long before the store could have served them one after another.
/// An execution waiting for a task token's answer lends its slot out (see <see cref="RunSlot"/>): it holds no thread
/// and no slot until the answer or a timeout comes, so any number of executions can wait for callbacks at once.
/// </summary>
public sealed class ExecutionRunner : IAsyncDisposable
{
    /// <summary>The default bound on executions running at once.</summary>
    public const int DefaultMaxConcurrent = 32;

    private readonly ConcurrentDictionary<string, RunningExecution> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueuedExecution> queued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> recorders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionEngine> engines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> priorHistories = new(StringComparer.Ordinal);
    private readonly MockedTaskInvoker? mocked;
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource shutdown = new();
    private readonly StepFunctionsStore store;
    private readonly ITaskInvoker invoker;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ExecutionRunner> logger;
    private volatile bool stopping;
    private int parked;

    /// <summary>
    /// Runs executions against <paramref name="store"/>, at most <paramref name="maxConcurrent"/> at once, with the task
    /// tokens of <paramref name="callbacks"/> (a broker with a key of its own when null); executions started on a test
    /// case of <paramref name="mocks"/> answer its mocked states from it.
    /// </summary>
    public ExecutionRunner(StepFunctionsStore store, ITaskInvoker invoker, TimeProvider timeProvider, ILogger<ExecutionRunner> logger, int maxConcurrent = DefaultMaxConcurrent,
        TaskTokenBroker? callbacks = null, MockConfiguration? mocks = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        this.store = store;
        this.timeProvider = timeProvider;
        this.logger = logger;
        MaxConcurrent = maxConcurrent;
        Callbacks = callbacks ?? new TaskTokenBroker();
        Mocks = mocks;
        mocked = mocks is null ? null : new MockedTaskInvoker(invoker, Callbacks);
        this.invoker = mocked ?? invoker;
        slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    /// <summary>Issues the task tokens of every execution's callback tasks and takes the answers sent with them.</summary>
    public TaskTokenBroker Callbacks { get; }

    /// <summary>The mock configuration whose test cases executions may be started on, or null when none was loaded.</summary>
    public MockConfiguration? Mocks { get; }

    /// <summary>How many running executions wait for task tokens' answers, their slots lent out.</summary>
    public int WaitingForCallbackCount => Volatile.Read(ref parked);

    /// <summary>How many executions may run at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>The <see cref="ExecutionOptions.DelayScale"/> every execution runs with: 1 waits in real time.</summary>
    public double DelayScale { get; init; } = 1;

    /// <summary>How many executions are running now.</summary>
    public int RunningCount => running.Count;

    /// <summary>How many started executions wait for a free slot.</summary>
    public int QueuedCount => queued.Count;

    /// <summary>
    /// Starts an execution that is already stored as RUNNING, as soon as fewer than <see cref="MaxConcurrent"/> run.
    /// A redriven one (<see cref="ExecutionRecord.RedriveCount"/> above 0) goes on from its redrive point after the
    /// events of its earlier runs. Throws at once when the definition cannot be parsed, when the redrive point's state
    /// is not in it, or when the test case the execution runs on is not in the mock configuration.
    /// </summary>
    public void Run(StateMachineRecord machine, ExecutionRecord execution)
    {
        var engine = EngineFor(machine);
        var input = JsonNode.Parse(execution.Input);
        var redrive = RedriveOf(execution);
        if (redrive is not null && !engine.Machine.Root.States.ContainsKey(redrive.From.StateName))
        {
            throw new ExecutionNotRunnableException($"The state machine no longer has the state '{redrive.From.StateName}' the execution would be redriven from.");
        }

        if (execution.TestCase is { } testCase)
        {
            var found = Mocks?.Find(machine.Name, testCase)
                ?? throw new ExecutionNotRunnableException($"The mock configuration {(Mocks is null ? "is not loaded, so it has" : $"{Mocks.Path} has")} no test case '{testCase}' for the state machine '{machine.Name}'.");
            mocked!.Attach(execution.Arn, found);
        }

        if (redrive is not null)
        {
            priorHistories[execution.Arn] = execution.HistoryJson ?? "[]";
        }

        var waiting = new QueuedExecution();
        queued[execution.Arn] = waiting;
        var recorder = RunWhenSlotFreeAsync(engine, input, machine, execution, waiting, redrive);
        recorders[execution.Arn] = recorder;

        // A run so short that it was recorded before this line would otherwise leave its entry behind.
        if (recorder.IsCompleted)
        {
            recorders.TryRemove(execution.Arn, out _);
        }
    }

    /// <summary>
    /// Returns once fewer than <see cref="MaxConcurrent"/> started executions wait for a slot: callers feeding the
    /// runner from a queue wait here, so the backlog stays in the queue (durable, visible) rather than in memory.
    /// </summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (queued.Count >= MaxConcurrent)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Re-runs every execution a previous process left unfinished; returns how many.</summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListRunningAsync(cancellationToken).ConfigureAwait(false);
        foreach (var execution in unfinished)
        {
            string? cause;
            if (await store.GetStateMachineAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false) is { } machine)
            {
                logger.LogInformation("Re-running unfinished execution {ExecutionArn}", execution.Arn);
                try
                {
                    Run(machine, execution);
                    continue;
                }
                catch (Exception e) when (e is ExecutionNotRunnableException or AslDefinitionException or JsonException)
                {
                    cause = e.Message;
                }
            }
            else
            {
                cause = $"The state machine {execution.StateMachineArn} was deleted before the execution could be resumed.";
            }

            await store.CompleteExecutionAsync(execution with
            {
                Status = "FAILED", StopDate = timeProvider.GetUtcNow(), Error = "States.Runtime", Cause = cause,
                HistoryJson = execution.HistoryJson ?? "[]",
            }, cancellationToken).ConfigureAwait(false);
        }

        return unfinished.Count;
    }

    /// <summary>Whether the state machine, as it is defined now, has a top-level state of that name.</summary>
    public bool HasTopLevelState(StateMachineRecord machine, string stateName) =>
        EngineFor(machine).Machine.Root.States.ContainsKey(stateName);

    private ExecutionEngine EngineFor(StateMachineRecord machine) =>
        engines.GetOrAdd(machine.Definition, d => new ExecutionEngine(StateMachineDefinition.Parse(d), invoker, timeProvider, callbacks: Callbacks));

    /// <summary>The live handle of a running execution, or null when it is not running here.</summary>
    public RunningExecution? Find(string executionArn) => running.GetValueOrDefault(executionArn);

    /// <summary>A running execution's history so far, earlier runs' events first, or null when it is not running here.</summary>
    public string? LiveHistoryJson(string executionArn) =>
        running.TryGetValue(executionArn, out var live)
            ? AppendHistory(priorHistories.GetValueOrDefault(executionArn), HistoryToJson(live.History))
            : null;

    /// <summary>Joins two event arrays written by <see cref="HistoryToJson"/>: a redriven run's events after the earlier ones.</summary>
    public static string AppendHistory(string? prior, string events) =>
        prior is null or "[]" ? events
        : events == "[]" ? prior
        : string.Concat(prior.AsSpan(0, prior.Length - 1), ",", events.AsSpan(1));

    /// <summary>Stops a running execution and waits until its end is recorded.</summary>
    public async Task StopAsync(string executionArn, string? error, string? cause)
    {
        if (queued.TryGetValue(executionArn, out var waiting))
        {
            waiting.Stop(error, cause);
        }

        if (running.TryGetValue(executionArn, out var handle))
        {
            handle.Stop(error, cause);
        }

        if (recorders.TryGetValue(executionArn, out var recorder))
        {
            await recorder.ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the execution has ended and been recorded (returns at once when it is not running here).</summary>
    public Task WaitAsync(string executionArn) => recorders.GetValueOrDefault(executionArn) ?? Task.CompletedTask;

    /// <summary>Writes events as the JSON array GetExecutionHistory pages through.</summary>
    public static string HistoryToJson(IEnumerable<HistoryEvent> events)
    {
        using var buffer = new MemoryStream();
        // Every state's input and output is JSON text inside a JSON string; the default encoder would write each of its
        // quotes as six bytes (\u0022) and make a pipeline execution's history half as long again.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var e in events)
            {
                e.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Stops the running executions without recording an end: they stay RUNNING in the store and are re-run on the
    /// next start, exactly as after a crash.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        await shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var handle in running.Values)
        {
            handle.Stop("States.Runtime", "The local cloud is shutting down; the execution will be re-run on the next start.");
        }

        await Task.WhenAll(recorders.Values).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static ExecutionRedrive? RedriveOf(ExecutionRecord execution)
    {
        if (execution.RedriveCount == 0 || execution.RedrivePoint is null)
        {
            return null;
        }

        using var prior = JsonDocument.Parse(execution.HistoryJson ?? "[]");
        return new ExecutionRedrive(RedrivePoint.FromJson(execution.RedrivePoint), execution.RedriveCount, execution.RedriveDate ?? execution.StartDate,
            JsonNode.Parse(execution.Input), execution.StartDate, prior.RootElement.GetArrayLength());
    }

    private async Task RunWhenSlotFreeAsync(ExecutionEngine engine, JsonNode? input, StateMachineRecord machine, ExecutionRecord execution, QueuedExecution waiting,
        ExecutionRedrive? redrive)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(waiting.Stopped, shutdown.Token);
        try
        {
            await slots.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            queued.TryRemove(execution.Arn, out _);
            await RecordStoppedBeforeStartAsync(execution, waiting).ConfigureAwait(false);
            return;
        }

        var slot = new RunSlot(slots, change => Interlocked.Add(ref parked, change));
        try
        {
            var handle = engine.Start(input, new ExecutionOptions(execution.Name, execution.Arn, machine.Arn, machine.RoleArn) { DelayScale = DelayScale, Parking = slot, Redrive = redrive });
            running[execution.Arn] = handle;
            queued.TryRemove(execution.Arn, out _);

            // A stop that came as the slot was granted found neither the wait nor the run; honour it now.
            if (waiting.Stopped.IsCancellationRequested)
            {
                handle.Stop(waiting.Error, waiting.Cause);
            }

            await RecordWhenEndedAsync(execution, handle).ConfigureAwait(false);
        }
        finally
        {
            slot.ReleaseIfHeld();
        }
    }

    // Stopped while waiting for a slot: aborted like a running one; at shutdown it stays RUNNING to be re-run.
    private async Task RecordStoppedBeforeStartAsync(ExecutionRecord execution, QueuedExecution waiting)
    {
        try
        {
            if (!stopping)
            {
                await store.CompleteExecutionAsync(execution with
                {
                    Status = "ABORTED", StopDate = timeProvider.GetUtcNow(), Error = waiting.Error, Cause = waiting.Cause,
                    HistoryJson = priorHistories.GetValueOrDefault(execution.Arn) ?? "[]",
                }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            Forget(execution.Arn);
        }
    }

    private async Task RecordWhenEndedAsync(ExecutionRecord execution, RunningExecution handle)
    {
        try
        {
            ExecutionRecord ended;
            try
            {
                var result = await handle.Completion.ConfigureAwait(false);
                ended = execution with
                {
                    Status = StatusName(result.Status),
                    StopDate = result.StopDate,
                    Output = result.OutputJson,
                    Error = result.Error,
                    Cause = result.Cause,
                    HistoryJson = AppendHistory(priorHistories.GetValueOrDefault(execution.Arn), HistoryToJson(result.History)),
                    RedrivePoint = result.RedrivePoint?.ToJson(),
                };
            }
            catch (Exception e)
            {
                logger.LogError(e, "Execution {ExecutionArn} crashed the engine", execution.Arn);
                ended = execution with
                {
                    Status = "FAILED", StopDate = timeProvider.GetUtcNow(), Error = "States.Runtime", Cause = e.Message,
                    HistoryJson = AppendHistory(priorHistories.GetValueOrDefault(execution.Arn), HistoryToJson(handle.History)),
                    RedrivePoint = null,
                };
            }

            if (stopping)
            {
                return;
            }

            await store.CompleteExecutionAsync(ended, CancellationToken.None).ConfigureAwait(false);
            logger.LogDebug("Execution {Name} ended {Status}", execution.Name, ended.Status);
        }
        catch (Exception e) when (stopping)
        {
            logger.LogDebug(e, "Execution {ExecutionArn} was not recorded during shutdown", execution.Arn);
        }
        finally
        {
            running.TryRemove(execution.Arn, out _);
            Forget(execution.Arn);
        }
    }

    private void Forget(string executionArn)
    {
        recorders.TryRemove(executionArn, out _);
        priorHistories.TryRemove(executionArn, out _);
        mocked?.Detach(executionArn);
    }

    /// <summary>The API's name for an engine status.</summary>
    public static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown execution status."),
    };
}
