using System.Collections.Concurrent;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>Wakes long-polling receivers of a queue when a message may have become available.</summary>
internal sealed class QueueArrivals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Notify"/> for the queue; take it before looking, so no arrival is missed.</summary>
    public Task Next(string queue) =>
        signals.GetOrAdd(queue, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes everyone waiting on the queue.</summary>
    public void Notify(string queue)
    {
        if (signals.TryRemove(queue, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
