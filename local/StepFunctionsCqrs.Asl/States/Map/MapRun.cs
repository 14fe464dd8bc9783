using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Asl.States.Map;

/// <summary>One run of a Map state's iterations, with bounded concurrency and (for Distributed) failure tolerance.</summary>
internal sealed class MapRun(MapState map, BranchScope scope, IReadOnlyList<JsonNode?> inputs, long startedEvent, (double? Count, double? Percentage) limits, bool distributed)
{
    private readonly BranchFailure _failure = new();
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(scope.Token);
    private int _next = -1;
    private int _failed;

    public JsonNode?[] Results { get; } = new JsonNode?[inputs.Count];

    public StatesException? Failure => _failure.First;

    public async ValueTask RunAsync(int workers)
    {
        try
        {
            List<Task>? pending = null;
            for (var w = 0; w < workers; w++)
            {
                var worker = WorkAsync();
                if (!worker.IsCompleted) (pending ??= []).Add(worker.AsTask());
            }
            if (pending is not null) await Task.WhenAll(pending).ConfigureAwait(false);
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async ValueTask WorkAsync()
    {
        int index;
        while ((index = Interlocked.Increment(ref _next)) < inputs.Count)
        {
            if (_stop.IsCancellationRequested) return;
            await IterateAsync(index).ConfigureAwait(false);
        }
    }

    private async ValueTask IterateAsync(int index)
    {
        var details = new MapIterationEventDetails(map.Name, index);
        var variables = distributed ? new VariableScope(null) : new VariableScope(scope.Variables);
        var child = scope.Child(variables, null, startedEvent, _stop.Token);
        child.Record(HistoryEventType.MapIterationStarted, details);
        try
        {
            Results[index] = await BranchRunner.RunAsync(map.Processor, inputs[index], child).ConfigureAwait(false);
            child.Record(HistoryEventType.MapIterationSucceeded, details);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            child.Record(HistoryEventType.MapIterationAborted, details);
        }
        catch (Exception e) when (e is StatesException or States.Fail.FailStateException)
        {
            child.Record(HistoryEventType.MapIterationFailed, details);
            if (!distributed)
            {
                _failure.TryRecord(e);
                _stop.Cancel();
                return;
            }
            var error = e is StatesException s ? s : ((States.Fail.FailStateException)e).ToStatesException();
            Results[index] = ErrorOutput.Create(error.Error, error.Cause);
            var failed = Interlocked.Increment(ref _failed);
            if (FailureTolerance.Exceeded(limits, failed, inputs.Count))
            {
                _failure.TryRecord(new StatesException(ErrorNames.ExceedToleratedFailureThreshold,
                    $"Map state '{map.Name}' failed because {failed} of {inputs.Count} items failed, more than the tolerated failure threshold."));
                _stop.Cancel();
            }
        }
    }
}
