using System.Collections.Concurrent;
using System.Diagnostics;
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
/// conditional writes each command made from the commit log, then measures the store's own conditional-write rate.
/// </summary>
public sealed class BenchRunner(
    CommandSubmitter submitter, StatusBatchPoller poller, IAmazonDynamoDB dynamoDb, TableNames tables, string endpointForMessages, TimeProvider timeProvider)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
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

        var envelopes = Enumerable.Range(0, options.Commands).Select(i => builder.BookRoom(
            new EnvelopeOptions(null, $"guest-{i % 500}", ["guest"], null, null),
            hotelId, roomTypes[i % roomTypes.Count].RoomTypeId, $"bk-{i}",
            FirstNight.AddDays(i / roomTypes.Count % 365), FirstNight.AddDays(i / roomTypes.Count % 365 + 1))).ToList();
        var ids = envelopes.Select(e => e["commandId"]!.GetValue<string>()).ToList();

        var clock = Stopwatch.StartNew();
        var submittedAt = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<TimeSpan>();
        var lastSeen = TimeSpan.Zero;
        var outcomes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        var submit = SubmitAllAsync(envelopes, ids, options.Concurrency, clock, submittedAt, progress, cancellationToken);
        var poll = Task.Run(async () =>
        {
            var deadline = clock.Elapsed + options.WaitTimeout;
            while (outcomes.Count < ids.Count && clock.Elapsed < deadline)
            {
                var pending = submittedAt.Keys.Where(id => !outcomes.ContainsKey(id)).ToList();
                if (pending.Count > 0)
                {
                    var batch = await poller.ReadAsync(pending, cancellationToken).ConfigureAwait(false);
                    var now = clock.Elapsed;
                    foreach (var (id, status) in batch)
                    {
                        if (outcomes.TryAdd(id, status))
                        {
                            latencies.Add(now - submittedAt[id]);
                            lastSeen = now;
                        }
                    }

                    progress?.Report(("outcomes", outcomes.Count, ids.Count));
                }

                await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
        await submit.ConfigureAwait(false);
        await poll.ConfigureAwait(false);

        var writesPerCommand = await WritesPerCommandAsync(hotelId, roomTypes, registration.CommandId, outcomes.Count, cancellationToken).ConfigureAwait(false);
        progress?.Report(("store probe", 0, options.ProbeWrites));
        var storeRate = await new StoreBoundProbe(dynamoDb, endpointForMessages).MeasureAsync(options.ProbeWrites, options.Concurrency, cancellationToken).ConfigureAwait(false);

        var counts = outcomes.Values.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var notAccepted = outcomes.Where(o => o.Value != "Accepted").Select(o => o.Key).Order(StringComparer.Ordinal).Take(5).ToList();
        return new BenchReport(ids.Count, counts, lastSeen, LatencyPercentiles.Of(latencies), writesPerCommand, storeRate, notAccepted);
    }

    private async Task SubmitAllAsync(
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> envelopes, IReadOnlyList<string> ids, int concurrency, Stopwatch clock,
        ConcurrentDictionary<string, TimeSpan> submittedAt, IProgress<(string Phase, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < envelopes.Count)
            {
                var sentAt = clock.Elapsed;
                await submitter.SubmitAsync(envelopes[i], cancellationToken).ConfigureAwait(false);
                submittedAt[ids[i]] = sentAt;
                progress?.Report(("submit", submittedAt.Count, envelopes.Count));
            }
        })).ConfigureAwait(false);
    }

    // Counted from what the commands left behind, so the figure follows the code rather than an assumption:
    // one commit append per commit, one version-guarded put per projected view row, one status put per outcome.
    private async Task<double> WritesPerCommandAsync(string hotelId, IReadOnlyList<RoomTypeSpec> roomTypes, string registrationId, int outcomes, CancellationToken cancellationToken)
    {
        if (outcomes == 0)
        {
            return double.NaN;
        }

        var log = new DynamoDbCommitLog(dynamoDb, tables.CommitLog);
        long writes = outcomes;
        foreach (var roomType in roomTypes)
        {
            var commits = await log.LoadAsync(AggregateIds.Inventory(hotelId, roomType.RoomTypeId), cancellationToken).ConfigureAwait(false);
            var ordered = commits.OrderBy(c => c.Version).ToList();
            foreach (var (commit, change) in ordered.Zip(ChangeHistory.Of(AggregateIds.Inventory(hotelId, roomType.RoomTypeId), ordered.Select(c => (c.Version, c.Events)))))
            {
                if (commit.CommandId == registrationId)
                {
                    continue;
                }

                writes += 1 + AvailabilityProjection.Project(change).Count + GuestBookingsProjection.Project(change).Count + ArrivalsProjection.Project(change).Count;
            }
        }

        return (double)writes / outcomes;
    }
}
