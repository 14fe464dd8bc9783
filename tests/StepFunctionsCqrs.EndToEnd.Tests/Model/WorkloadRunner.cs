using System.Diagnostics;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;
using StepFunctionsCqrs.EndToEnd.Tests.Targets;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// Runs a workload against a local cloud as a client would: registrations first, then the workload's waves one after
/// another, a kill -9 of the host and a restart while the crash wave runs; then waits until every message has an end.
/// </summary>
public sealed class WorkloadRunner(LocalCloudProcess cloud)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    // The host is idle (queue empty, nothing running) for this long before the wait gives up on the unsettled:
    // a redelivery shows up in SQS's in-flight count, so idleness means nothing more can happen.
    private static readonly TimeSpan IdleGrace = TimeSpan.FromSeconds(8);

    /// <summary>Runs the workload under the run prefix.</summary>
    public async Task<WorkloadRun> RunAsync(Workload workload, string prefix)
    {
        var clock = Stopwatch.StartNew();
        var messages = new WorkloadMessages(workload, prefix);
        var runningAtCrash = 0;
        var stack = await StackDriver.ConnectAsync(cloud);
        try
        {
            await SendAsync(stack, messages.Registrations);
            await stack.WaitForOutcomesAsync([.. messages.Registrations.Where(r => r.Expectation == MessageExpectation.Outcome).Select(r => r.CommandId!)], TimeSpan.FromMinutes(2));
            for (var wave = 0; wave < messages.Waves.Count; wave++)
            {
                var sent = messages.Waves[wave];
                await SendAsync(stack, sent);
                if (wave == Workload.CrashWave)
                {
                    // The kill should land while executions are running: after some of the wave finished, before most did.
                    await SettledAsync(stack, sent, fraction: 0.25, TimeSpan.FromMinutes(1));
                    runningAtCrash = (await RunningAsync(stack, prefix)).Count;
                    cloud.Crash();
                    stack.Dispose();
                    await cloud.RestartAsync();
                    stack = await StackDriver.ConnectAsync(cloud);
                }

                if (wave < messages.Waves.Count - 1)
                {
                    await SettledAsync(stack, sent, fraction: 1, Patience);
                }
            }

            var unsettled = await WaitUntilSettledAsync(stack, messages, prefix);
            var reused = messages.All.Where(m => m.CommandId is not null).GroupBy(m => m.CommandId!).Where(g => g.DistinctBy(m => m.Body).Count() > 1).Select(g => g.Key);
            var observed = await ObservedPipeline.ReadAsync(stack, prefix, reused.Concat(unsettled.Where(m => m.CommandId is not null).Select(m => m.CommandId!)));
            return new WorkloadRun(messages, observed, runningAtCrash, unsettled, clock.Elapsed);
        }
        finally
        {
            stack.Dispose();
        }
    }

    private static async Task SendAsync(StackDriver stack, IReadOnlyList<SentMessage> messages)
    {
        var ids = await stack.SendAllAsync([.. messages.Select(m => m.Body)]);
        for (var i = 0; i < messages.Count; i++)
        {
            messages[i].MessageId = ids[i];
        }
    }

    // Waits until the given fraction of the messages that must get a status have one; dead letters are left to the end,
    // since a redelivered unusable message takes several visibility timeouts to get there.
    private static async Task SettledAsync(StackDriver stack, IReadOnlyList<SentMessage> sent, double fraction, TimeSpan patience)
    {
        var ids = sent.Where(m => m.Expectation == MessageExpectation.Outcome && m.CommandId is not null).Select(m => m.CommandId!).Distinct().ToList();
        var deadline = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < deadline && (await stack.Poller.ReadAsync(ids, CancellationToken.None)).Count < Math.Ceiling(ids.Count * fraction))
        {
            await Task.Delay(200);
        }
    }

    private static async Task<IReadOnlyList<string>> RunningAsync(StackDriver stack, string prefix)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await stack.Context.Clients.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest
            {
                StateMachineArn = stack.Context.Settings.StateMachineArn,
                StatusFilter = ExecutionStatus.Running,
                MaxResults = 1000,
                NextToken = token,
            });
            names.AddRange(page.Executions.Select(e => e.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return names;
    }

    private static async Task<IReadOnlyList<SentMessage>> WaitUntilSettledAsync(StackDriver stack, WorkloadMessages messages, string prefix)
    {
        var all = messages.All.ToList();
        var ids = all.Where(m => m.CommandId is not null).Select(m => m.CommandId!).Distinct().ToList();
        var deadline = DateTimeOffset.UtcNow + Patience;
        DateTimeOffset? idleSince = null;
        while (true)
        {
            var statuses = await stack.Poller.ReadAsync(ids, CancellationToken.None);
            var dead = (await stack.DeadLettersAsync()).Select(d => d.MessageId).ToHashSet();
            var unsettled = all.Where(m => !Settled(m, all, statuses, dead)).ToList();
            if (unsettled.Count == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return unsettled;
            }

            var attributes = await stack.Context.Clients.Sqs.GetQueueAttributesAsync(stack.QueueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
            var idle = attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible == 0 && (await RunningAsync(stack, prefix)).Count == 0;
            idleSince = idle ? idleSince ?? DateTimeOffset.UtcNow : null;
            if (idleSince is { } since && DateTimeOffset.UtcNow - since > IdleGrace)
            {
                return unsettled;
            }

            await Task.Delay(1000);
        }
    }

    // A message has an end when its id has a status or it sits in the dead-letter queue; of several bodies under one
    // id only one can run, so the group ends when the id has a status and all but one body are dead-lettered.
    private static bool Settled(SentMessage message, List<SentMessage> all, IReadOnlyDictionary<string, string> statuses, HashSet<string> dead)
    {
        if (message.MessageId is { } own && dead.Contains(own))
        {
            return true;
        }

        if (message.CommandId is not { } id || !statuses.ContainsKey(id))
        {
            return false;
        }

        var group = all.Where(m => m.CommandId == id).ToList();
        var bodies = group.DistinctBy(m => m.Body).Count();
        return bodies == 1 || group.Count(m => m.MessageId is { } other && dead.Contains(other)) >= bodies - 1;
    }
}
