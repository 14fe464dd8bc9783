using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Snapshots;

/// <summary>One commit log table in dynalite, and Persist containers over it that start cold, each with its own read count.</summary>
public sealed class InventoryStore(Dynalite dynalite, string table, int snapshotInterval)
{
    public static readonly string Inventory = AggregateIds.Inventory(HotelId, RoomTypeId);

    public DynamoDbCommitLog Log { get; } = new(dynalite.Client, table);

    /// <summary>The commit log's table.</summary>
    public string Table => table;

    public DynamoDbSnapshotStore Snapshots { get; } = new(dynalite.Client, table);

    /// <summary>The date every container decides and closes stays on; the tests move it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 1, 10, 9, 30, 0, TimeSpan.Zero));

    public static async Task<InventoryStore> CreateAsync(Dynalite dynalite, int snapshotInterval) =>
        new(dynalite, (await dynalite.CreateTablesAsync()).CommitLog, snapshotInterval);

    /// <summary>A new container: nothing kept, reads counted, warnings recorded.</summary>
    public Container NewContainer()
    {
        var reads = new ReadCountingLog(Log);
        var logger = new RecordingLogger();
        var persister = new CommandPersister(reads, new DynamoDbCommandLedger(dynalite.Client, table),
            new InventoryHistories(reads, Snapshots, Time, logger, snapshotInterval), Time);
        return new Container(persister, reads, logger);
    }

    /// <summary>Appends commits straight to the log, as a long history would have left them: the inventory opened, then bookings.</summary>
    public async Task SeedAsync(int capacity, IEnumerable<IDomainEvent> bookings)
    {
        await Log.AppendAsync(Commit(1, "register", new InventoryOpened(HotelId, RoomTypeId, capacity)), CancellationToken.None);
        var version = 1L;
        foreach (var booking in bookings)
        {
            version++;
            await Log.AppendAsync(Commit(version, $"seed-{version}", booking), CancellationToken.None);
        }
    }

    private static StoredCommit Commit(long version, string commandId, IDomainEvent e) =>
        new(Inventory, version, commandId, [e], DateTimeOffset.UnixEpoch, "seed");

    public sealed record Container(CommandPersister Persister, ReadCountingLog Reads, RecordingLogger Logger)
    {
        public Task<PersistOutcome> PersistAsync(JsonObject json)
        {
            var body = JsonDocument.Parse(json.ToJsonString()).RootElement;
            var envelope = EnvelopeReader.Read(body).Envelope ?? throw new InvalidOperationException("The test built an invalid envelope.");
            return Persister.PersistAsync(envelope, CommandFingerprint.Of(body), $"exec-{envelope.CommandId}", CancellationToken.None);
        }
    }
}
