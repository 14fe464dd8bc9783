using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.States;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>Runs the states of one block in sequence, applying Retry and Catch; an uncaught error leaves as a StatesException.</summary>
internal static class BranchRunner
{
    /// <summary>Runs the block from its StartAt, or from <paramref name="from"/> when a redrive goes on there.</summary>
    public static async ValueTask<JsonNode?> RunAsync(StatesBlock block, JsonNode? input, BranchScope scope, State? from = null)
    {
        var state = from ?? block.Start;
        var time = scope.Run.Time;
        while (true)
        {
            scope.Token.ThrowIfCancellationRequested();
            var entered = time.GetUtcNow();
            scope.Reached(state.Name, input);
            scope.Record(state.EnteredEventType, new StateEnteredEventDetails(state.Name, new LazyJson(input)), entered);
            var retryCount = 0;
            int[]? attempts = null;
            StateOutcome outcome;
            while (true)
            {
                scope.EnterState(state.Name, entered, retryCount);
                try
                {
                    var pending = state.ExecuteAsync(input, scope);
                    if (pending.IsCompletedSuccessfully)
                    {
                        outcome = pending.Result;
                    }
                    else
                    {
                        outcome = await pending.ConfigureAwait(false);
                    }
                    break;
                }
                catch (OperationCanceledException) when (scope.Token.IsCancellationRequested && state.Type is "Task" or "Wait" or "Parallel" or "Map")
                {
                    scope.Record(state.Type + "StateAborted", null);
                    throw;
                }
                catch (StatesException error) when (!scope.Token.IsCancellationRequested)
                {
                    scope.Run.Observer?.OnError(state.Name, error.Error, error.Cause);
                    if (state.Retry is { } retry)
                    {
                        attempts ??= new int[retry.Retriers.Count];
                        var decision = retry.Decide(error.Error, attempts, scope.Run.Random);
                        if (decision.Outcome == RetryOutcome.Retry)
                        {
                            if (scope.Run.Scaled(decision.Delay) is var backOff && backOff > TimeSpan.Zero)
                            {
                                await Task.Delay(backOff, time, scope.Token).ConfigureAwait(false);
                            }
                            retryCount++;
                            continue;
                        }
                    }
                    if (state.Catch?.Find(error.Error) is not { } catcher) throw;
                    var errorOutput = ErrorOutput.Create(error.Error, error.Cause);
                    catcher.Assign?.Apply(errorOutput, scope);
                    outcome = new StateOutcome(catcher.ResultPath.Apply(input, errorOutput), catcher.Next);
                    break;
                }
            }
            scope.Run.Observer?.OnStep(state.Name, StateStep.Variables, Snapshot(scope.Variables));
            scope.Record(state.ExitedEventType, new StateExitedEventDetails(state.Name, new LazyJson(outcome.Output)), time.GetUtcNow());
            if (outcome.Next is null) return outcome.Output;
            state = block.States[outcome.Next];
            input = outcome.Output;
        }
    }

    // Copied only when someone observes, so an unobserved run pays nothing for it.
    private static JsonObject Snapshot(IReadOnlyDictionary<string, JsonNode?> variables) =>
        new(variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
}
