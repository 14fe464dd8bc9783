using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// Runs executions on the ASL engine in the background and records how each ended. An execution is stored as
/// RUNNING before it starts, so one cut short by a crash or shutdown is found again and re-run from the start
/// (the task handlers are idempotent); only ended executions get their final status and history written.
/// </summary>
public sealed class ExecutionRunner(StepFunctionsStore store, ITaskInvoker invoker, TimeProvider timeProvider, ILogger<ExecutionRunner> logger)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RunningExecution> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> recorders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionEngine> engines = new(StringComparer.Ordinal);
    private volatile bool stopping;

    /// <summary>How many executions are running now.</summary>
    public int RunningCount => running.Count;

    /// <summary>Starts an execution that is already stored as RUNNING.</summary>
    public void Run(StateMachineRecord machine, ExecutionRecord execution)
    {
        var engine = engines.GetOrAdd(machine.Definition, d => new ExecutionEngine(StateMachineDefinition.Parse(d), invoker, timeProvider));
        var handle = engine.Start(JsonNode.Parse(execution.Input),
            new ExecutionOptions(execution.Name, execution.Arn, machine.Arn, machine.RoleArn));
        running[execution.Arn] = handle;
        recorders[execution.Arn] = RecordWhenEndedAsync(execution, handle);
    }

    /// <summary>Re-runs every execution a previous process left unfinished; returns how many.</summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListRunningAsync(cancellationToken).ConfigureAwait(false);
        foreach (var execution in unfinished)
        {
            if (await store.GetStateMachineAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false) is { } machine)
            {
                logger.LogInformation("Re-running unfinished execution {ExecutionArn}", execution.Arn);
                Run(machine, execution);
            }
            else
            {
                await store.CompleteExecutionAsync(execution with
                {
                    Status = "FAILED", StopDate = timeProvider.GetUtcNow(), Error = "States.Runtime",
                    Cause = $"The state machine {execution.StateMachineArn} was deleted before the execution could be resumed.",
                    HistoryJson = "[]",
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        return unfinished.Count;
    }

    /// <summary>The live handle of a running execution, or null when it is not running here.</summary>
    public RunningExecution? Find(string executionArn) => running.GetValueOrDefault(executionArn);

    /// <summary>Stops a running execution and waits until its end is recorded.</summary>
    public async Task StopAsync(string executionArn, string? error, string? cause)
    {
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
        using (var writer = new Utf8JsonWriter(buffer))
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
        foreach (var handle in running.Values)
        {
            handle.Stop("States.Runtime", "The local cloud is shutting down; the execution will be re-run on the next start.");
        }

        await Task.WhenAll(recorders.Values).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
                    HistoryJson = HistoryToJson(result.History),
                };
            }
            catch (Exception e)
            {
                logger.LogError(e, "Execution {ExecutionArn} crashed the engine", execution.Arn);
                ended = execution with
                {
                    Status = "FAILED", StopDate = timeProvider.GetUtcNow(), Error = "States.Runtime", Cause = e.Message,
                    HistoryJson = HistoryToJson(handle.History),
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
            recorders.TryRemove(execution.Arn, out _);
        }
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
