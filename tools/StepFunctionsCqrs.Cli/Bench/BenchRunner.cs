using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Cli.Submitting;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// Submits BookRoom commands to a fresh hotel through SQS, measures submit→status latency and throughput, counts the
/// conditional writes each command made from the commit log, then measures the store's own conditional-write rate. With a
/// <see cref="UsageProbe"/>, it also measures what each command used (transitions, invocations, capacity units, requests).
/// </summary>
public sealed class BenchRunner(
    CommandSubmitter submitter, StatusBatchPoller poller, IAmazonDynamoDB dynamoDb, TableNames tables, string endpointForMessages, TimeProvider timeProvider,
    UsageProbe? usageProbe = null)
{
    private const int WindowSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // A closed loop looks for one command's outcome soon after sending it, then less and less often: the next command
    // goes out shortly after the outcome lands, without the bench reading the status view every few milliseconds of a
    // slow command and loading the host it measures.
    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(5);
    private static readonly DateOnly FirstNight = new(2030, 1, 1);

    /// <summary>Runs the bench; <paramref name="progress"/> hears (outcomes so far, commands).</summary>
    public async Task<BenchReport> RunAsync(BenchOptions options, IProgress<(string Phase, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var builder = new CommandEnvelopeBuilder(timeProvider);
        var hotelId = $"bench-{Guid.NewGuid():N}"[..18];
        var roomTypes = Enumerable.Range(0, options.RoomTypes).Select(i => new RoomTypeSpec($"rt-{i}", 100)).ToList();
        var registration = await submitter.SubmitAsync(
            builder.RegisterHotel(new EnvelopeOptions(null, "bench-admin", ["admin"], null, null), hotelId, "Bench Hotel", roomTypes), cancellationToken).ConfigureAwait(false);
        progress?.Report(("register hotel", 0, 1));
        var registered = await poller.WaitForAllAsync([registration.CommandId], TimeSpan.FromMinutes(2), PollInterval, timeProvider, null, cancellationToken).ConfigureAwait(false);
        if (registered.GetValueOrDefault(registration.CommandId) != "Accepted")
        {
            throw new CliException($"The bench hotel's registration {registration.CommandId} did not complete (outcome: {registered.GetValueOrDefault(registration.CommandId) ?? "none"}); see 'cqrs trace {registration.CommandId}'.");
        }

        // Warm-up commands get nights of their own, a year after the measured ones, so both sets stay independent.
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> Bookings(int count, string prefix, int yearOffset) => Enumerable.Range(0, count).Select(i => builder.BookRoom(
            new EnvelopeOptions(null, $"guest-{i % 500}", ["guest"], null, null),
            hotelId, roomTypes[i % roomTypes.Count].RoomTypeId, $"{prefix}-{i}",
            FirstNight.AddYears(yearOffset).AddDays(i / roomTypes.Count % 365), FirstNight.AddYears(yearOffset).AddDays(i / roomTypes.Count % 365 + 1))).ToList();

        // The host, the store and this client all start cold; a warm-up that is not counted lets the figures describe the
        // pipeline at work rather than its first seconds, as the store probe's own warm-up does for the store.
        if (options.WarmupCommands > 0)
        {
            await RunBurstAsync(Bookings(options.WarmupCommands, "warm", 1), options, "warm-up submit", "warm-up", progress, cancellationToken).ConfigureAwait(false);
        }

        // The store is probed on either side of the measured run, and the higher rate is its bound: the figure the
        // pipeline is held to is then the best the store showed, not one caught while it was still busy.
        var probe = new StoreBoundProbe(dynamoDb, endpointForMessages);
        progress?.Report(("store probe before", 0, 1));
        var storeBefore = await probe.MeasureAsync(options.ProbeWrites, options.ProbeWrites / 5, options.Concurrency, cancellationToken).ConfigureAwait(false);
        progress?.Report(("store probe before", 1, 1));

        var meterBefore = usageProbe is null ? null : await usageProbe.StartAsync(cancellationToken).ConfigureAwait(false);
        var (started, outcomes) = await RunBurstAsync(Bookings(options.Commands, "bk", 0), options, "submit", "outcomes", progress, cancellationToken).ConfigureAwait(false);
        CommandUsage? usage = null;
        if (usageProbe is not null && outcomes.Count > 0 && options.HistorySample > 0)
        {
            progress?.Report(("execution histories", 0, 1));
            // A closed loop sends one message per request; otherwise the submitters send batches of ten.
            var sendRequests = options.ClosedLoop ? options.Commands : (options.Commands + CommandSubmitter.BatchLimit - 1) / CommandSubmitter.BatchLimit;
            usage = await usageProbe.MeasureAsync(meterBefore, outcomes.Keys, sendRequests, options.HistorySample, cancellationToken).ConfigureAwait(false);
            progress?.Report(("execution histories", 1, 1));
        }

        var writesPerCommand = await WritesPerCommandAsync(hotelId, roomTypes, outcomes.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        progress?.Report(("store probe after", 0, 1));
        var storeAfter = await probe.MeasureAsync(options.ProbeWrites, options.ProbeWrites / 5, options.Concurrency, cancellationToken).ConfigureAwait(false);
        progress?.Report(("store probe after", 1, 1));

        var counts = outcomes.Values.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var notAccepted = outcomes.Where(o => o.Value.Status != "Accepted").Select(o => o.Key).Order(StringComparer.Ordinal).Take(5).ToList();
        var elapsed = outcomes.Count == 0 ? TimeSpan.Zero : outcomes.Values.Max(o => o.RecordedAt) - started;
        var latencies = outcomes.Values.Select(o => o.Latency).ToList();
        return new BenchReport(options.Commands, counts, elapsed, LatencyPercentiles.Of(latencies), writesPerCommand, new StoreRates(storeBefore, storeAfter), notAccepted,
            options.WarmupCommands, options.ClosedLoop, options.Concurrency, usage, options.RoomTypes);
    }

    // Sends the envelopes and waits for their outcomes; returns when the sending started and each outcome seen.
    private async Task<(DateTimeOffset Started, Dictionary<string, TimedOutcome> Outcomes)> RunBurstAsync(
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> envelopes, BenchOptions options, string submitPhase, string outcomePhase,
        IProgress<(string Phase, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        if (options.ClosedLoop)
        {
            return await RunClosedLoopAsync(envelopes, options, outcomePhase, progress, cancellationToken).ConfigureAwait(false);
        }

        var started = timeProvider.GetUtcNow();
        var submitted = new ConcurrentQueue<(string CommandId, DateTimeOffset At)>();
        var submit = SubmitAllAsync(envelopes, options.Concurrency, submitted, submitPhase, progress, cancellationToken);
        var outcomes = await CollectOutcomesAsync(envelopes.Count, submit, submitted, started + options.WaitTimeout, outcomePhase, progress, cancellationToken)
            .ConfigureAwait(false);
        await submit.ConfigureAwait(false);
        return (started, outcomes);
    }

    // Each submitter sends one command, waits for its outcome, then sends the next: the latency of a command that
    // has the pipeline to itself (with one submitter), rather than of one queued behind a burst.
    private async Task<(DateTimeOffset Started, Dictionary<string, TimedOutcome> Outcomes)> RunClosedLoopAsync(
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> envelopes, BenchOptions options, string phase,
        IProgress<(string Phase, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        var deadline = started + options.WaitTimeout;
        var outcomes = new ConcurrentDictionary<string, TimedOutcome>(StringComparer.Ordinal);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < envelopes.Count && timeProvider.GetUtcNow() < deadline)
            {
                var sentAt = timeProvider.GetUtcNow();
                var command = await submitter.SubmitAsync(envelopes[i], cancellationToken).ConfigureAwait(false);
                if (await AwaitOutcomeAsync(command.CommandId, deadline, cancellationToken).ConfigureAwait(false) is { } outcome)
                {
                    outcomes[command.CommandId] = new TimedOutcome(outcome.Status, outcome.RecordedAt, TimeSpan.FromTicks(Math.Max(0, (outcome.RecordedAt - sentAt).Ticks)));
                }

                progress?.Report((phase, outcomes.Count, envelopes.Count));
            }
        })).ConfigureAwait(false);
        return (started, new Dictionary<string, TimedOutcome>(outcomes, StringComparer.Ordinal));
    }

    private async Task<RecordedOutcome?> AwaitOutcomeAsync(string commandId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var interval = FirstLook;
        while (true)
        {
            await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
            var found = await poller.ReadOutcomesAsync([commandId], cancellationToken).ConfigureAwait(false);
            if (found.TryGetValue(commandId, out var outcome))
            {
                return outcome;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                return null;
            }

            interval = TimeSpan.FromTicks(Math.Min(PollInterval.Ticks, interval.Ticks * 3 / 2));
        }
    }

    // Sends in batches of ten, as a producer with a backlog would: the bench's own load on the host it measures
    // stays small next to the pipeline's.
    private async Task SubmitAllAsync(
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> envelopes, int concurrency,
        ConcurrentQueue<(string CommandId, DateTimeOffset At)> submitted, string phase, IProgress<(string Phase, int Done, int Total)>? progress,
        CancellationToken cancellationToken)
    {
        var batches = envelopes.Chunk(CommandSubmitter.BatchLimit).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var sentAt = timeProvider.GetUtcNow();
                foreach (var command in await submitter.SubmitBatchAsync(batches[i], cancellationToken).ConfigureAwait(false))
                {
                    submitted.Enqueue((command.CommandId, sentAt));
                }

                progress?.Report((phase, submitted.Count, envelopes.Count));
            }
        })).ConfigureAwait(false);
    }

    // Reads outcomes in submission order, a window of the oldest pending commands at a time: commands finish roughly in
    // the order they were sent, so each read mostly finds outcomes, and the bench adds about one status read per command
    // to the store it measures instead of re-reading every pending command on each round. Latency comes from the
    // outcome's recorded time, so how often the bench looks does not change the figures.
    private async Task<Dictionary<string, TimedOutcome>> CollectOutcomesAsync(
        int expected, Task submitting, ConcurrentQueue<(string CommandId, DateTimeOffset At)> submitted, DateTimeOffset deadline,
        string phase, IProgress<(string Phase, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, TimedOutcome>(StringComparer.Ordinal);
        var pending = new List<(string CommandId, DateTimeOffset At)>();
        // A submit that failed ends the wait; awaiting it then reports why.
        while (outcomes.Count < expected && timeProvider.GetUtcNow() < deadline && !submitting.IsFaulted && !submitting.IsCanceled)
        {
            while (submitted.TryDequeue(out var sent))
            {
                pending.Add(sent);
            }

            var window = pending.Take(WindowSize).ToList();
            var found = window.Count == 0
                ? new Dictionary<string, RecordedOutcome>()
                : await poller.ReadOutcomesAsync(window.Select(w => w.CommandId).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var (commandId, at) in window)
            {
                if (found.TryGetValue(commandId, out var outcome))
                {
                    // Clocks of client and pipeline may differ by a little; a latency is never negative.
                    outcomes[commandId] = new TimedOutcome(outcome.Status, outcome.RecordedAt, TimeSpan.FromTicks(Math.Max(0, (outcome.RecordedAt - at).Ticks)));
                }
            }

            pending.RemoveAll(p => outcomes.ContainsKey(p.CommandId));
            progress?.Report((phase, outcomes.Count, expected));
            if (found.Count < WindowSize)
            {
                await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        return outcomes;
    }

    private sealed record TimedOutcome(string Status, DateTimeOffset RecordedAt, TimeSpan Latency);

    // Counted from what the measured commands left behind, so the figure follows the code rather than an assumption:
    // one ledger claim per command Persist saw, one commit append per commit, one version-guarded put per projected
    // view row, one status put per outcome.
    private async Task<double> WritesPerCommandAsync(string hotelId, IReadOnlyList<RoomTypeSpec> roomTypes, IReadOnlySet<string> measured, CancellationToken cancellationToken)
    {
        if (measured.Count == 0)
        {
            return double.NaN;
        }

        var log = new DynamoDbCommitLog(dynamoDb, tables.CommitLog);
        var ledger = new DynamoDbCommandLedger(dynamoDb, tables.CommitLog);
        long writes = measured.Count;
        var claims = 0;
        await Parallel.ForEachAsync(measured, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (commandId, ct) =>
        {
            if (await ledger.ReadAsync(commandId, ct).ConfigureAwait(false) is not null)
            {
                Interlocked.Increment(ref claims);
            }
        }).ConfigureAwait(false);
        writes += claims;
        foreach (var roomType in roomTypes)
        {
            var commits = await log.LoadAsync(AggregateIds.Inventory(hotelId, roomType.RoomTypeId), cancellationToken).ConfigureAwait(false);
            var ordered = commits.OrderBy(c => c.Version).ToList();
            foreach (var (commit, change) in ordered.Zip(ChangeHistory.Of(AggregateIds.Inventory(hotelId, roomType.RoomTypeId), ordered.Select(c => (c.Version, c.Events)))))
            {
                if (!measured.Contains(commit.CommandId))
                {
                    continue;
                }

                writes += 1 + AvailabilityProjection.Project(change).Count + GuestBookingsProjection.Project(change).Count + ArrivalsProjection.Project(change).Count;
            }
        }

        return (double)writes / measured.Count;
    }
}
