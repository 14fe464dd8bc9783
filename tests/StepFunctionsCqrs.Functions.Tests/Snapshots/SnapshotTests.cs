using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Snapshots;

/// <summary>Persist starting from snapshots: bounded cold reads, snapshots that are only a cache, and idempotency across them.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class SnapshotTests(Dynalite dynalite)
{
    private static readonly string Inventory = InventoryStore.Inventory;

    // Bookings on distinct nights, so every one of them is booked whatever the capacity.
    private static IEnumerable<IDomainEvent> Bookings(int count) => Enumerable.Range(0, count).Select(i =>
        (IDomainEvent)new RoomBooked(HotelId, RoomTypeId, $"seed-b{i}", $"guest-{i}", new DateOnly(2027, 1, 1).AddDays(i), new DateOnly(2027, 1, 2).AddDays(i), false));

    private static string EventType(PersistOutcome outcome) => EventTypeNames.Of(outcome.Commit!.Changes.Single().Events.Single());

    [Fact]
    public async Task A_cold_decision_reads_the_latest_snapshot_and_only_the_commits_after_it()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 100);
        await store.SeedAsync(capacity: 1, Bookings(250));
        var first = store.NewContainer();
        await first.PersistAsync(BookRoom("book-1", "ann", "b1", "2028-01-01", "2028-01-02"));

        var cold = store.NewContainer();
        var outcome = await cold.PersistAsync(BookRoom("book-2", "bob", "b2", "2028-01-01", "2028-01-02"));

        Assert.Equal(253, outcome.Commit!.Changes.Single().Version);
        Assert.Equal("V1.GuestWaitlisted", EventType(outcome));
        Assert.Equal([(Inventory, 251L, 1)], cold.Reads.Reads);
        Assert.Equal(251, (await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_snapshot_is_written_once_an_inventory_has_moved_the_interval_past_the_last_one_not_on_every_commit()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 5);
        await store.SeedAsync(capacity: 1, Bookings(2));
        var container = store.NewContainer();

        for (var i = 0; i < 9; i++)
        {
            await container.PersistAsync(BookRoom($"book-{i}", "ann", $"b{i}", "2028-01-01", "2028-01-02"));
        }

        // Versions 4 to 12 were appended on top of 3 seeded ones: snapshots at 5 and 10, none in between.
        Assert.Equal(10, (await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None))!.Version);
        Assert.Equal(5, (await store.Snapshots.ReadLatestAsync(Inventory, 9, CancellationToken.None))!.Version);
        Assert.Null(await store.Snapshots.ReadLatestAsync(Inventory, 4, CancellationToken.None));
    }

    [Fact]
    public async Task A_snapshot_of_an_older_schema_is_ignored_and_the_decision_is_taken_on_the_whole_log()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 100);
        await store.SeedAsync(capacity: 1, [new RoomBooked(HotelId, RoomTypeId, "b0", "zoe", new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 2), false)]);
        // Well-formed for today's reader, but written under another schema: it must not be read, even though it parses.
        var empty = InventorySnapshotCodec.Encode(Inventory, 2, InventoryState.Fold(InventoryState.Initial(HotelId, RoomTypeId), [new InventoryOpened(HotelId, RoomTypeId, 1)]));
        await store.Snapshots.WriteAsync(empty with { SchemaVersion = InventorySnapshotCodec.SchemaVersion - 1 }, CancellationToken.None);

        var cold = store.NewContainer();
        var outcome = await cold.PersistAsync(BookRoom("book-1", "ann", "b1", "2028-01-01", "2028-01-02"));

        Assert.Equal("V1.GuestWaitlisted", EventType(outcome));
        Assert.Equal([(Inventory, 0L, 2)], cold.Reads.Reads);
        Assert.Contains(cold.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("schema version 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"hotelId\":\"grand\",\"roomTypeId\":\"double\",\"isOpen\":true,\"capacity\":1,\"bookings\":[{\"bookingId\":\"b0\",\"guestId\":\"zoe\",\"checkIn\":\"2028-01-01\",\"checkOut\":\"2028-01-02\",\"status\":\"Booked\",\"fromWaitlist\":false}],\"waitlist\":[],\"heldPerNight\":{}}", "nights held")]
    [InlineData("{\"hotelId\":\"grand\",\"roomTypeId\":\"double\",\"isOpen\":true,\"capac", "not valid JSON")]
    [InlineData("{\"hotelId\":\"grand\",\"roomTypeId\":\"single\",\"isOpen\":true,\"capacity\":1,\"bookings\":[],\"waitlist\":[],\"heldPerNight\":{}}", "grand/single")]
    [InlineData("{\"hotelId\":\"grand\",\"roomTypeId\":\"double\",\"isOpen\":true,\"capacity\":1,\"bookings\":[],\"waitlist\":[\"b0\"],\"heldPerNight\":{}}", "waitlist")]
    public async Task A_damaged_snapshot_is_ignored_with_a_logged_warning_and_the_decision_is_still_right(string state, string problem)
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 100);
        await store.SeedAsync(capacity: 1, [new RoomBooked(HotelId, RoomTypeId, "b0", "zoe", new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 2), false)]);
        await store.Snapshots.WriteAsync(new StoredSnapshot(Inventory, 2, InventorySnapshotCodec.SchemaVersion, state), CancellationToken.None);

        var cold = store.NewContainer();
        var outcome = await cold.PersistAsync(BookRoom("book-1", "ann", "b1", "2028-01-01", "2028-01-02"));

        Assert.Equal("V1.GuestWaitlisted", EventType(outcome));
        Assert.Equal(3, outcome.Commit!.Changes.Single().Version);
        Assert.Contains(cold.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_snapshot_is_replaced_by_a_sound_one_once_the_log_has_been_folded()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 10);
        await store.SeedAsync(capacity: 1, Bookings(20));
        await store.Snapshots.WriteAsync(new StoredSnapshot(Inventory, 21, InventorySnapshotCodec.SchemaVersion, "not json"), CancellationToken.None);

        await store.NewContainer().PersistAsync(BookRoom("book-1", "ann", "b1", "2028-01-01", "2028-01-02"));

        var rebuilt = (await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None))!;
        var (state, problem) = InventorySnapshotCodec.Decode(rebuilt, HotelId, RoomTypeId);
        Assert.Null(problem);
        Assert.Equal(21, rebuilt.Version);
        Assert.Equal(20, state!.Bookings.Count);
    }

    [Fact]
    public async Task A_retry_after_a_commit_older_than_the_snapshot_returns_that_same_commit_and_appends_nothing()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 5);
        await store.SeedAsync(capacity: 2, []);
        var book = BookRoom("book-x", "ann", "bx", "2028-01-01", "2028-01-03");
        var first = await store.NewContainer().PersistAsync(book);
        var busy = store.NewContainer();
        for (var i = 0; i < 12; i++)
        {
            await busy.PersistAsync(BookRoom($"book-{i}", "bob", $"b{i}", "2028-01-02", "2028-01-04"));
        }

        Assert.True((await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None))!.Version > 2);
        var retried = await store.NewContainer().PersistAsync(book);

        Assert.Equal(Json(first), Json(retried));
        Assert.Equal(2, retried.Commit!.Changes.Single().Version);
        Assert.Equal(14, (await store.Log.LoadAsync(Inventory, CancellationToken.None)).Count);
        Assert.Single(await store.Log.LoadAsync(Inventory, CancellationToken.None), c => c.CommandId == "book-x");
    }

    [Fact]
    public async Task Reading_the_whole_log_skips_the_snapshots_so_a_replay_sees_the_same_commits_as_without_them()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 3);
        await store.SeedAsync(capacity: 1, []);
        var container = store.NewContainer();
        for (var i = 0; i < 10; i++)
        {
            await container.PersistAsync(BookRoom($"book-{i}", "ann", $"b{i}", "2028-01-01", "2028-01-02"));
        }

        Assert.NotNull(await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None));
        var all = await store.Log.ReadAllAsync(CancellationToken.None);
        var loaded = await store.Log.LoadAsync(Inventory, CancellationToken.None);

        Assert.Equal(loaded.Select(c => (c.Version, c.CommandId)), all.Select(c => (c.Version, c.CommandId)));
        Assert.Equal(
            Json(ChangeHistory.Of(Inventory, loaded.Select(c => (c.Version, c.Events))).ToList()),
            Json(ChangeHistory.Of(Inventory, all.Select(c => (c.Version, c.Events))).ToList()));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Functions.Json.HandlerJson.Options);
}
