using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Internal;
using StepFunctionsCqrs.Asl.States;
using StepFunctionsCqrs.Asl.States.Fail;

namespace StepFunctionsCqrs.Asl;

/// <summary>
/// Runs executions of one state machine. Thread-safe: any number of executions may run at once. Time (waits, retry
/// delays, timeouts, timestamps) comes from <paramref name="timeProvider"/> and randomness (jitter, States.UUID,
/// States.MathRandom) from <paramref name="random"/>, so tests can make both deterministic. Callback-pattern tasks get
/// their tokens from <paramref name="callbacks"/> (a broker of its own when null), which also takes the answers.
/// </summary>
public sealed class ExecutionEngine(StateMachineDefinition machine, ITaskInvoker invoker, TimeProvider? timeProvider = null, Random? random = null,
    TaskTokenBroker? callbacks = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Random _random = random is null || ReferenceEquals(random, Random.Shared) ? Random.Shared : new SynchronizedRandom(random);

    /// <summary>Issues the task tokens of this engine's callback tasks; send the answers to it.</summary>
    public TaskTokenBroker Callbacks { get; } = callbacks ?? new TaskTokenBroker();

    /// <summary>The state machine this engine runs.</summary>
    public StateMachineDefinition Machine { get; } = machine;

    /// <summary>Runs one execution to its end. Cancelling <paramref name="cancellationToken"/> stops it as Aborted.</summary>
    public Task<ExecutionResult> StartAsync(JsonNode? input, ExecutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = CreateRun(input, options);
        return RunAsync(run, cancellationToken, null);
    }

    /// <summary>Runs one execution with input given as JSON text.</summary>
    public Task<ExecutionResult> StartAsync(string inputJson, ExecutionOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(JsonNode.Parse(inputJson), options, cancellationToken);

    /// <summary>Starts an execution in the background and returns a handle to watch or stop it.</summary>
    public RunningExecution Start(JsonNode? input, ExecutionOptions? options = null)
    {
        var run = CreateRun(input, options);
        var stop = new CancellationTokenSource();
        var handle = new RunningExecution(run.Identity.Name, run.Identity.ExecutionArn, run.StartTime, run.History, stop);
        handle.Completion = Task.Run(async () =>
        {
            try
            {
                return await RunAsync(run, stop.Token, handle).ConfigureAwait(false);
            }
            finally
            {
                stop.Dispose();
            }
        });
        return handle;
    }

    private ExecutionRun CreateRun(JsonNode? input, ExecutionOptions? options)
    {
        options ??= ExecutionOptions.Default;
        if (options.DelayScale is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DelayScale, "ExecutionOptions.DelayScale must be from 0 (no waiting) to 1 (real time).");
        }

        // Callers that reuse one options object (named executions in a loop, benchmarks) skip rebuilding ARNs.
        // One reference read keeps the pair consistent when executions start concurrently.
        var cached = _lastIdentity;
        ExecutionIdentity identity;
        if (cached is not null && ReferenceEquals(cached.Options, options) && options.Name is not null)
        {
            identity = cached.Identity;
        }
        else
        {
            identity = ExecutionIdentity.From(options);
            if (options.Name is not null) _lastIdentity = new IdentityCache(options, identity);
        }
        return new ExecutionRun(invoker, _time, _random, identity, NodeOwnership.Detached(input), _time.GetUtcNow(), options.DelayScale,
            Callbacks, options.Parking ?? NoParking.Instance, options.Observer, options.Redrive) { InitialVariables = options.Variables };
    }

    // The top-level state the run was in when it ended; its input is copied, since nothing may change it after.
    private static RedrivePoint? RedrivePointOf(BranchScope scope) =>
        scope.Position.State is { Length: > 0 } state
            ? new RedrivePoint(state, scope.Position.Input?.DeepClone(), new JsonObject(scope.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))))
            : null;

    private IdentityCache? _lastIdentity;

    private sealed record IdentityCache(ExecutionOptions Options, ExecutionIdentity Identity);

    private Task<ExecutionResult> RunAsync(ExecutionRun run, CancellationToken stop, RunningExecution? handle)
    {
        var redrive = run.Redrive;
        State? from = null;
        if (redrive is not null && !Machine.Root.States.TryGetValue(redrive.From.StateName, out from))
        {
            throw new ArgumentException($"The state machine has no top-level state '{redrive.From.StateName}' to redrive from.", nameof(run));
        }

        var started = redrive is null
            ? run.History.Add(0, run.StartTime, HistoryEventType.ExecutionStarted,
                new ExecutionStartedEventDetails(new LazyJson(run.Input), run.Identity.RoleArn, run.Identity.StateMachineArn))
            : run.History.Add(redrive.PriorEventCount, run.StartTime, HistoryEventType.ExecutionRedriven, new ExecutionRedrivenEventDetails(redrive.RedriveCount));

        CancellationTokenSource? timeout = null;
        CancellationTokenSource? linked = null;
        var token = stop;
        if (Machine.TimeoutSeconds is { } seconds)
        {
            timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), _time);
            linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            token = linked.Token;
        }

        var variables = new VariableScope(null);
        foreach (var (name, value) in run.InitialVariables ?? []) variables.Set(name, value?.DeepClone());
        foreach (var (name, value) in redrive?.From.Variables ?? []) variables.Set(name, value?.DeepClone());
        var scope = new BranchScope(run, variables, null, started, token);
        ValueTask<JsonNode?> pending;
        if (PayloadSize.Exceeds(run.Input))
        {
            pending = ValueTask.FromException<JsonNode?>(new StatesException(ErrorNames.DataLimitExceeded, $"The execution input is larger than {PayloadSize.Limit} bytes."));
        }
        else
        {
            pending = redrive is null
                ? BranchRunner.RunAsync(Machine.Root, run.Input, scope)
                : BranchRunner.RunAsync(Machine.Root, redrive.From.Input?.DeepClone(), scope, from);
        }
        // Most executions of task-light machines finish synchronously; they skip the async machinery entirely.
        if (pending.IsCompleted)
        {
            ExecutionEnd end;
            try
            {
                end = new ExecutionSucceededEnd(pending.Result);
            }
            catch (Exception e)
            {
                var mapped = EndFor(e, stop, timeout, handle);
                if (mapped is null) throw;
                end = mapped;
            }
            finally
            {
                linked?.Dispose();
                timeout?.Dispose();
            }
            return Task.FromResult(Finish(run, scope, end));
        }
        return CompleteAsync(run, scope, pending, stop, timeout, linked, handle);
    }

    private async Task<ExecutionResult> CompleteAsync(ExecutionRun run, BranchScope scope, ValueTask<JsonNode?> pending, CancellationToken stop,
        CancellationTokenSource? timeout, CancellationTokenSource? linked, RunningExecution? handle)
    {
        ExecutionEnd end;
        try
        {
            end = new ExecutionSucceededEnd(await pending.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            var mapped = EndFor(e, stop, timeout, handle);
            if (mapped is null) throw;
            end = mapped;
        }
        finally
        {
            linked?.Dispose();
            timeout?.Dispose();
        }
        return Finish(run, scope, end);
    }

    /// <summary>How an exception ends the execution, or null when it is a defect to rethrow.</summary>
    private ExecutionEnd? EndFor(Exception e, CancellationToken stop, CancellationTokenSource? timeout, RunningExecution? handle) => e switch
    {
        OperationCanceledException when timeout?.IsCancellationRequested == true && !stop.IsCancellationRequested =>
            new ExecutionTimedOutEnd(ErrorNames.Timeout, $"The execution did not complete within TimeoutSeconds ({Machine.TimeoutSeconds})."),
        OperationCanceledException when stop.IsCancellationRequested =>
            new ExecutionAbortedEnd(handle?.StopReason.Error, handle?.StopReason.Cause),
        StatesException s => new ExecutionFailedEnd(s.Error, s.Cause),
        FailStateException f => new ExecutionFailedEnd(f.Error, f.Cause),
        _ => null,
    };

    private ExecutionResult Finish(ExecutionRun run, BranchScope scope, ExecutionEnd end)
    {
        string? error = null, cause = null;
        JsonNode? output = null;
        var stopped = _time.GetUtcNow();
        switch (end)
        {
            case ExecutionSucceededEnd s:
                output = s.Output;
                scope.Record(HistoryEventType.ExecutionSucceeded, new OutputEventDetails(new LazyJson(output)), stopped);
                break;
            case ExecutionFailedEnd f:
                (error, cause) = (f.Error, f.Cause);
                scope.Record(HistoryEventType.ExecutionFailed, new FailureEventDetails(error, cause), stopped);
                break;
            case ExecutionTimedOutEnd t:
                (error, cause) = (t.Error, t.Cause);
                scope.Record(HistoryEventType.ExecutionTimedOut, new FailureEventDetails(error, cause), stopped);
                break;
            case ExecutionAbortedEnd a:
                (error, cause) = (a.Error, a.Cause);
                scope.Record(HistoryEventType.ExecutionAborted, new FailureEventDetails(error, cause), stopped);
                break;
        }
        return new ExecutionResult(end.Status, run.Identity.Name, run.Identity.ExecutionArn, run.Identity.StateMachineArn,
            run.Input, output, error, cause, run.StartTime, stopped, run.History) { RedrivePoint = end is ExecutionSucceededEnd ? null : RedrivePointOf(scope) };
    }
}
