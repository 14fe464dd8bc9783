using System.Diagnostics;
using System.Text.Json;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.DynamoDb;

namespace StepFunctionsCqrs.Benchmarks.Persist;

/// <summary>
/// The `persist` verb: cold and warm Persist decisions on inventories whose commit logs were seeded with 10 to 100,000
/// commits, against dynalite. Cold is a new container (nothing kept) deciding from the latest snapshot; warm is a
/// container that decided on the inventory before. Each row is also given as a ratio to the 1,000-commit row of the
/// same run, the figure the snapshot design is judged by.
/// </summary>
public static class PersistBench
{
    private static readonly int[] Sizes = [10, 1_000, 10_000, 100_000];
    private const int ColdRounds = 15;
    private const int WarmRounds = 30;

    /// <summary>Runs the benchmark and prints one table; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var sizes = args.Count > 0 ? [.. args.Select(int.Parse)] : Sizes;
        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            // Each size gets a dynalite of its own: its storage slows as its table grows, which DynamoDB's does not, so
            // a shared table would charge the larger sizes for the smaller ones' items.
            var folder = Path.Combine(Path.GetTempPath(), "persist-bench", Guid.NewGuid().ToString("N"));
            await using var dynalite = await DynaliteProcess.StartAsync(RepositoryRoot.Find(), folder, cancellationToken);
            using var dynamoDb = new Amazon.DynamoDBv2.AmazonDynamoDBClient(
                new Amazon.Runtime.BasicAWSCredentials("bench", "bench"), new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
            await new TableCreator(dynamoDb).CreateAllAsync(TableNames.Logical, cancellationToken);
            var table = TableNames.Logical.CommitLog;
            var log = new DynamoDbCommitLog(dynamoDb, table);
            var ledger = new DynamoDbCommandLedger(dynamoDb, table);
            var snapshots = new DynamoDbSnapshotStore(dynamoDb, table);
            var hotelId = $"h{size}";
            var seeded = Stopwatch.StartNew();
            await SeedAsync(log, hotelId, size, cancellationToken);
            Console.WriteLine($"Seeded {size:N0} commits in {seeded.Elapsed.TotalSeconds:N1} s.");
            var meter = new MeteredCommitLog(log, snapshots);
            var next = 0;
            PersistOutcome Check(PersistOutcome outcome) =>
                outcome.Accepted ? outcome : throw new InvalidOperationException($"A bench booking was declined: {outcome.Rejection}");

            // The first decision folds the seeded log, closes the stays that have ended and writes the snapshot that every
            // later cold decision starts from.
            var folded = Stopwatch.StartNew();
            await DecideAsync(NewContainer(), hotelId, next++, cancellationToken);
            Console.WriteLine($"Folded, closed and snapshotted in {folded.Elapsed.TotalSeconds:N1} s.");
            var cold = new List<(double Ms, long Items, long Bytes)>();
            for (var i = 0; i < ColdRounds; i++)
            {
                var container = NewContainer();
                meter.Reset();
                var clock = Stopwatch.StartNew();
                Check(await DecideAsync(container, hotelId, next++, cancellationToken));
                cold.Add((clock.Elapsed.TotalMilliseconds, meter.Items, meter.Bytes));
            }

            var warmContainer = NewContainer();
            await DecideAsync(warmContainer, hotelId, next++, cancellationToken);
            var warm = new List<(double Ms, long Items, long Bytes)>();
            for (var i = 0; i < WarmRounds; i++)
            {
                meter.Reset();
                var clock = Stopwatch.StartNew();
                Check(await DecideAsync(warmContainer, hotelId, next++, cancellationToken));
                warm.Add((clock.Elapsed.TotalMilliseconds, meter.Items, meter.Bytes));
            }

            rows.Add(new Row(size, Median(cold), Median(warm)));
            continue;

            CommandPersister NewContainer() => new(meter, ledger, new InventoryHistories(meter, meter, TimeProvider.System), TimeProvider.System);
        }

        Print(rows);
        return 0;
    }

    // Seeds the log directly, as years of trade would have left it: the inventory opened with room for everyone, then one
    // booking per commit at BookingsPerDay a day up to today, each for a night a month after it was made. However long
    // the history, only the last month's bookings are for stays still open. The items do not depend on each other, so
    // they are written in parallel.
    private static async Task SeedAsync(DynamoDbCommitLog log, string hotelId, int size, CancellationToken cancellationToken)
    {
        const int BookingsPerDay = 30;
        var aggregateId = AggregateIds.Inventory(hotelId, "rt");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await log.AppendAsync(new StoredCommit(aggregateId, 1, $"open-{hotelId}", [new InventoryOpened(hotelId, "rt", InventoryDecisions.MaxCapacity)],
            now.AddDays(-(size / BookingsPerDay) - 1), "seed"), cancellationToken);
        await Parallel.ForAsync(2, size + 1, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (version, ct) =>
        {
            var daysAgo = (size - version) / BookingsPerDay;
            var night = today.AddDays(30 - daysAgo);
            IDomainEvent booked = new RoomBooked(hotelId, "rt", $"seed-{version}", $"guest-{version}", night, night.AddDays(1), false);
            await log.AppendAsync(new StoredCommit(aggregateId, version, $"seed-{hotelId}-{version}", [booked], now.AddDays(-daysAgo), "seed"), ct).ConfigureAwait(false);
        });
    }

    private static Task<PersistOutcome> DecideAsync(CommandPersister persister, string hotelId, int n, CancellationToken cancellationToken)
    {
        var night = new DateOnly(2040, 1, 1).AddDays(n % 30);
        var json = DemoCommands.BookRoom($"bench-{hotelId}-{n}", $"guest-{n}", hotelId, "rt", $"bench-{n}", night, night.AddDays(1)).ToJsonString();
        var body = JsonDocument.Parse(json).RootElement;
        var envelope = EnvelopeReader.Read(body).Envelope ?? throw new InvalidOperationException("The bench built an invalid command.");
        return persister.PersistAsync(envelope, CommandFingerprint.Of(body), $"bench-{n}", cancellationToken);
    }

    private static Figures Median(List<(double Ms, long Items, long Bytes)> samples)
    {
        var ms = samples.Select(s => s.Ms).Order().ToList();
        return new Figures(ms[ms.Count / 2], samples.Select(s => s.Items).Order().ElementAt(samples.Count / 2), samples.Select(s => s.Bytes).Order().ElementAt(samples.Count / 2));
    }

    private static void Print(List<Row> rows)
    {
        var baseline = rows.FirstOrDefault(r => r.Commits == 1_000) ?? rows[0];
        Console.WriteLine();
        Console.WriteLine($"Persist per decision (median), ratios against the {baseline.Commits:N0}-commit row of this run");
        Console.WriteLine($"{"commits",9} | {"cold ms",8} {"items",6} {"bytes",10} {"× time",7} {"× items",8} | {"warm ms",8} {"items",6} {"bytes",8}");
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Commits,9:N0} | {row.Cold.Ms,8:0.0} {row.Cold.Items,6} {row.Cold.Bytes,10:N0} {row.Cold.Ms / baseline.Cold.Ms,7:0.00} "
                + $"{(double)row.Cold.Items / baseline.Cold.Items,8:0.00} | {row.Warm.Ms,8:0.0} {row.Warm.Items,6} {row.Warm.Bytes,8:N0}");
        }
    }

    private sealed record Figures(double Ms, long Items, long Bytes);

    private sealed record Row(int Commits, Figures Cold, Figures Warm);
}
