using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Tasks;

/// <summary>Task: runs one unit of work through the task invoker, with timeouts, heartbeats, Retry and Catch.</summary>
public sealed class TaskState : State
{
    private readonly RetryPolicy? _retry;
    private readonly CatchPolicy? _catch;

    /// <summary>Builds the state from its definition and its already-parsed Retry and Catch.</summary>
    public TaskState(string name, JsonObject definition, RetryPolicy? retry, CatchPolicy? @catch, TaskTimeouts timeouts) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
        ResultPath = ResultPathField.From(definition["ResultPath"], definition.ContainsKey("ResultPath"));
        Parameters = PayloadTemplate.CompileIfPresent(definition, "Parameters");
        ResultSelector = PayloadTemplate.CompileIfPresent(definition, "ResultSelector");
        Resource = TaskResource.From(definition["Resource"]!.GetValue<string>());
        Timeouts = timeouts;
        _retry = retry;
        _catch = @catch;
    }

    /// <inheritdoc />
    public override string Type => "Task";

    /// <summary>The Resource.</summary>
    public TaskResource Resource { get; }

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    /// <summary>ResultPath.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>Parameters, or null.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>ResultSelector, or null.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary>TimeoutSeconds and HeartbeatSeconds.</summary>
    public TaskTimeouts Timeouts { get; }

    /// <inheritdoc />
    public override RetryPolicy? Retry => _retry;

    /// <inheritdoc />
    public override CatchPolicy? Catch => _catch;

    internal override async ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var selected = InputPath.Apply(input, scope);
        var observer = scope.Run.Observer;
        observer?.OnStep(Name, StateStep.AfterInputPath, selected);
        // Every attempt gets a token of its own, so an answer meant for an earlier attempt finds it closed.
        var pending = Resource.IsCallback ? scope.Run.Callbacks.Open(scope.Run.Identity.ExecutionArn) : null;
        JsonNode? result;
        try
        {
            if (pending is not null) scope.SetTaskToken(pending.Token);
            var effective = Parameters is null ? selected : Parameters.Evaluate(selected, scope);
            // Only a Parameters-built input can be new data; otherwise it is part of a state input already within limits.
            if (Parameters is not null && PayloadSize.Exceeds(effective))
            {
                throw new StatesException(ErrorNames.DataLimitExceeded, $"The input of Task state '{Name}' after Parameters is larger than {PayloadSize.Limit} bytes.");
            }
            observer?.OnStep(Name, StateStep.AfterParameters, effective);
            int? timeout = null, heartbeat = null;
            if (!Timeouts.IsNone)
            {
                timeout = Timeouts.Timeout(selected, scope);
                heartbeat = Timeouts.Heartbeat(selected, scope);
            }

            RecordScheduled(scope, effective, timeout, heartbeat);
            try
            {
                var clock = heartbeat is null ? null : new HeartbeatClock(scope.Run.Time);
                var invocation = new TaskInvocation(Resource.Arn, effective, Name, scope.Run.Identity.ExecutionArn, scope.RetryCount, pending?.Token, clock is null ? NoHeartbeat : clock.Beat);
                result = pending is null
                    ? await TaskCall.RunAsync(scope.Run.Invoker, invocation, timeout, heartbeat, clock, scope.Run.Time, scope.Token).ConfigureAwait(false)
                    : await WaitForCallbackAsync(scope, pending, invocation, timeout, heartbeat, clock).ConfigureAwait(false);
            }
            catch (StatesException e)
            {
                RecordFailed(scope, e);
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException || !scope.Token.IsCancellationRequested)
            {
                // An invoker that throws something other than a StatesException still fails only this task.
                var error = new StatesException(e.GetType().Name, e.Message);
                RecordFailed(scope, error);
                throw error;
            }
        }
        finally
        {
            if (pending is not null) scope.Run.Callbacks.Close(pending);
        }
        RecordSucceeded(scope, result);
        observer?.OnStep(Name, StateStep.Result, result);
        if (PayloadSize.Exceeds(result))
        {
            throw new StatesException(ErrorNames.DataLimitExceeded, $"The result of Task state '{Name}' is larger than {PayloadSize.Limit} bytes.");
        }
        var stateResult = ResultSelector is null ? result : ResultSelector.Evaluate(result, scope);
        observer?.OnStep(Name, StateStep.AfterResultSelector, stateResult);
        Assign?.Apply(stateResult, scope);
        var placed = ResultPath.Apply(input, stateResult);
        observer?.OnStep(Name, StateStep.AfterResultPath, placed);
        var output = OutputPath.Apply(placed, scope);
        return new StateOutcome(output, Transition.Next);
    }

    private async ValueTask<JsonNode?> WaitForCallbackAsync(BranchScope scope, PendingCallback pending, TaskInvocation invocation, int? timeout, int? heartbeat, HeartbeatClock? clock)
    {
        if (clock is not null) pending.OnHeartbeat(clock.Beat);
        var callback = new CallbackWait(Resource, scope, pending, invocation);
        try
        {
            return await TaskCall.RunAsync(static (wait, ct) => wait.SubmitAndWaitAsync(ct), callback, Name, timeout, heartbeat, clock, scope.Run.Time, scope.Token)
                .ConfigureAwait(false);
        }
        finally
        {
            // Settled before the outcome is recorded: a parked execution records it once it may run again.
            await callback.SettleAsync().ConfigureAwait(false);
        }
    }

    private static readonly Action NoHeartbeat = static () => { };

    private void RecordScheduled(BranchScope scope, JsonNode? effective, int? timeout, int? heartbeat)
    {
        var at = scope.AttemptTime;
        if (Resource.IsLambdaFunction)
        {
            scope.Record(HistoryEventType.LambdaFunctionScheduled, new TaskScheduledEventDetails(null, Resource.Arn, scope.Run.Identity.Region, new LazyJson(effective), timeout, null), at);
            scope.Record(HistoryEventType.LambdaFunctionStarted, null, at);
        }
        else
        {
            scope.Record(HistoryEventType.TaskScheduled, new TaskScheduledEventDetails(Resource.ResourceType, Resource.Resource, scope.Run.Identity.Region, new LazyJson(effective), timeout, heartbeat), at);
            scope.Record(HistoryEventType.TaskStarted, new ResourceEventDetails(Resource.ResourceType, Resource.Resource), at);
        }
    }

    private void RecordSucceeded(BranchScope scope, JsonNode? result)
    {
        if (Resource.IsLambdaFunction) scope.Record(HistoryEventType.LambdaFunctionSucceeded, new OutputEventDetails(new LazyJson(result)));
        else scope.Record(HistoryEventType.TaskSucceeded, new OutputEventDetails(new LazyJson(result), Resource.ResourceType, Resource.Resource));
    }

    private void RecordFailed(BranchScope scope, StatesException e)
    {
        var timedOut = e.Error is ErrorNames.Timeout or ErrorNames.HeartbeatTimeout;
        if (Resource.IsLambdaFunction)
        {
            scope.Record(timedOut ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.LambdaFunctionFailed, new FailureEventDetails(e.Error, e.Cause));
        }
        else
        {
            scope.Record(timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed, new FailureEventDetails(e.Error, e.Cause, Resource.ResourceType, Resource.Resource));
        }
    }
}
