using System.Collections.Concurrent;
using StepFunctionsCqrs.LocalCloud.Demo;

namespace StepFunctionsCqrs.LocalCloud.Tests.Load;

/// <summary>Reads the outcomes of a burst back from the command status view, as a client would.</summary>
internal static class BurstStatuses
{
    /// <summary>Polls a few commands at a time until each has an outcome or ten minutes pass; returns status by command id.</summary>
    public static async Task<Dictionary<string, string>> WaitForAllAsync(DemoClient client, IReadOnlyCollection<string> ids)
    {
        var statuses = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(10);
        while (statuses.Count < ids.Count && DateTimeOffset.UtcNow < deadline)
        {
            await Parallel.ForEachAsync(ids.Where(id => !statuses.ContainsKey(id)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, token) =>
            {
                try
                {
                    if (await client.GetAsync($"commands/{Uri.EscapeDataString(id)}", token) is { } status)
                    {
                        statuses[id] = status["status"]!.GetValue<string>();
                    }
                }
                catch (TaskCanceledException) when (!token.IsCancellationRequested)
                {
                    // A read queued behind the burst's writes in dynalite outlasted the client's timeout; the next round
                    // asks again, and the deadline still bounds the wait.
                }
            });
            if (statuses.Count < ids.Count)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        return new Dictionary<string, string>(statuses, StringComparer.Ordinal);
    }
}
