using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Asl.States.Tasks;

/// <summary>
/// One attempt of a <c>.waitForTaskToken</c> task: calls the integration (which hands the token on), records
/// TaskSubmitted, then waits for the answer sent with the token. While it waits the execution is parked, and parked
/// exactly once: the wait and the end of the attempt race to settle it, so a timeout that abandons the call before
/// the wait began never leaves the execution parked.
/// </summary>
internal sealed class CallbackWait(TaskResource resource, BranchScope scope, PendingCallback pending, TaskInvocation invocation)
{
    private const int Idle = 0, Parked = 1, Settled = 2;
    private int _state;

    public async ValueTask<JsonNode?> SubmitAndWaitAsync(CancellationToken cancellationToken)
    {
        var response = await scope.Run.Invoker.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        scope.Record(HistoryEventType.TaskSubmitted, new OutputEventDetails(new LazyJson(response), resource.ResourceType, resource.Resource));

        // An answer sent while the integration ran is already there: no need to park at all.
        if (!pending.Answer.IsCompleted && Interlocked.CompareExchange(ref _state, Parked, Idle) == Idle)
        {
            scope.Run.Parking.Park();
        }

        var answer = await pending.Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return answer.Succeeded
            ? answer.Output
            : throw new StatesException(answer.Error ?? "", answer.Cause ?? "");
    }

    /// <summary>Ends the attempt: its token closes and a parked execution waits for its turn to run on.</summary>
    public ValueTask SettleAsync()
    {
        scope.Run.Callbacks.Close(pending);
        return Interlocked.Exchange(ref _state, Settled) == Parked ? scope.Run.Parking.UnparkAsync(scope.Token) : ValueTask.CompletedTask;
    }
}
