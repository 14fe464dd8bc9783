using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.Asl.States.Tasks;

/// <summary>One invocation raced against TimeoutSeconds and HeartbeatSeconds on the injected clock.</summary>
internal static class TaskCall
{
    public static ValueTask<JsonNode?> RunAsync(
        ITaskInvoker invoker, TaskInvocation invocation, int? timeoutSeconds, int? heartbeatSeconds, HeartbeatClock? clock,
        TimeProvider time, CancellationToken token) =>
        RunAsync(static (call, ct) => call.Invoker.InvokeAsync(call.Invocation, ct), (Invoker: invoker, Invocation: invocation),
            invocation.StateName, timeoutSeconds, heartbeatSeconds, clock, time, token);

    /// <summary>
    /// Runs <paramref name="work"/> under the task's limits. The wait for a limit is a timer on the injected clock, so
    /// a task that waits long (a callback waiting for its token's answer) holds no thread.
    /// </summary>
    public static async ValueTask<JsonNode?> RunAsync<TState>(
        Func<TState, CancellationToken, ValueTask<JsonNode?>> work, TState state, string stateName, int? timeoutSeconds, int? heartbeatSeconds,
        HeartbeatClock? clock, TimeProvider time, CancellationToken token)
    {
        if (timeoutSeconds is null && heartbeatSeconds is null)
        {
            var direct = work(state, token);
            return direct.IsCompletedSuccessfully ? direct.Result : await direct.ConfigureAwait(false);
        }

        using var limits = CancellationTokenSource.CreateLinkedTokenSource(token);
        var pending = work(state, limits.Token);
        // A call that finished synchronously took no time on the injected clock, so no limit can have passed.
        if (pending.IsCompleted) return await pending.ConfigureAwait(false);

        var running = pending.AsTask();
        var started = time.GetUtcNow();
        while (true)
        {
            var now = time.GetUtcNow();
            var deadline = DateTimeOffset.MaxValue;
            if (timeoutSeconds is { } t) deadline = started.AddSeconds(t);
            if (heartbeatSeconds is { } h && clock!.Last.AddSeconds(h) < deadline) deadline = clock.Last.AddSeconds(h);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(limits.Token);
            var delay = Task.Delay(deadline - now > TimeSpan.Zero ? deadline - now : TimeSpan.Zero, time, wake.Token);
            var first = await Task.WhenAny(running, delay).ConfigureAwait(false);
            if (first == running)
            {
                wake.Cancel();
                return await running.ConfigureAwait(false);
            }
            token.ThrowIfCancellationRequested();
            now = time.GetUtcNow();
            if (timeoutSeconds is { } limit && now >= started.AddSeconds(limit))
            {
                Abandon(running, limits);
                throw new StatesException(ErrorNames.Timeout, $"Task '{stateName}' did not complete within {limit} seconds.");
            }
            if (heartbeatSeconds is { } beat && now >= clock!.Last.AddSeconds(beat))
            {
                Abandon(running, limits);
                throw new StatesException(ErrorNames.HeartbeatTimeout, $"Task '{stateName}' sent no heartbeat for {beat} seconds.");
            }
        }
    }

    private static void Abandon(Task work, CancellationTokenSource limits)
    {
        limits.Cancel();
        // The abandoned call may still fail later; observe it so it is not reported as unobserved.
        _ = work.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }
}
