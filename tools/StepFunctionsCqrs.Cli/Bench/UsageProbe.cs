using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Functions.StepFunctions;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// Measures what the bench's commands used: reads the local cloud's meter on either side of the measured run, and the
/// event histories of a sample of the measured commands' executions over the Step Functions API (GetExecutionHistory).
/// </summary>
public sealed class UsageProbe(IStepFunctionsApi stepFunctions, string stateMachineArn, LocalCloudMeter meter)
{
    private const int HistoryReaders = 4;

    /// <summary>The meter before the measured run, or null without one.</summary>
    public Task<MeterSnapshot?> StartAsync(CancellationToken cancellationToken) => meter.ReadAsync(cancellationToken);

    /// <summary>
    /// The usage per command of <paramref name="commandIds"/>, from the histories of up to <paramref name="sampleSize"/> of
    /// them (spread over the run: the ids are random) and the meter since <paramref name="before"/>.
    /// </summary>
    public async Task<CommandUsage> MeasureAsync(
        MeterSnapshot? before, IReadOnlyCollection<string> commandIds, int sendRequests, int sampleSize, CancellationToken cancellationToken)
    {
        // The meter first: reading histories makes no metered calls, but nothing else should run in between.
        var after = before is null ? null : await meter.ReadAsync(cancellationToken).ConfigureAwait(false);
        var sample = commandIds.Order(StringComparer.Ordinal).Take(Math.Max(0, sampleSize)).ToList();
        var usages = new System.Collections.Concurrent.ConcurrentBag<ExecutionUsage>();
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = HistoryReaders, CancellationToken = cancellationToken }, async (commandId, ct) =>
        {
            var history = await stepFunctions.GetAllExecutionHistoryAsync(ExecutionArns.For(stateMachineArn, commandId), includeExecutionData: false, ct).ConfigureAwait(false);
            usages.Add(ExecutionUsage.Of(history));
        }).ConfigureAwait(false);
        return CommandUsage.From([.. usages], after?.Since(before!), commandIds.Count, sendRequests);
    }
}
