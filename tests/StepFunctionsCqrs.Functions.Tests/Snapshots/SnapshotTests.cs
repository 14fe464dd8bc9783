using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
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
        (IDomainEvent)new RoomBooked(HotelId, RoomTypeId, $"seed-b{i}", $"guest-{i}", new DateOnly(2027, 2, 1).AddDays(i), new DateOnly(2027, 2, 2).AddDays(i), false));

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
        Assert.Contains(cold.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"schema version {InventorySnapshotCodec.SchemaVersion - 1} ", StringComparison.Ordinal));
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
    public async Task A_warm_retry_of_a_commit_folded_into_the_last_snapshot_is_replayed_from_memory_without_reading_the_log_again()
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 5);
        await store.SeedAsync(capacity: 2, []);
        var container = store.NewContainer();
        var book = BookRoom("book-x", "ann", "bx", "2028-01-01", "2028-01-03");
        var first = await container.PersistAsync(book);
        for (var i = 0; i < 6; i++)
        {
            await container.PersistAsync(BookRoom($"book-{i}", "bob", $"b{i}", "2028-01-02", "2028-01-04"));
        }

        Assert.True((await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None))!.Version > 2);
        container.Reads.Reads.Clear();
        var retried = await container.PersistAsync(book);

        Assert.Equal(Json(first), Json(retried));
        Assert.All(container.Reads.Reads, read => Assert.Equal((8L, 0), (read.AfterVersion, read.Returned)));
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

    // Forty one-night stays from 1 February, capacity 1, and the stay of 2 March cancelled; decided on 1 March, the
    // first 25 stays have ended more than two days before yesterday, so a snapshot closes them and the cancelled one.
    private static async Task<InventoryStore> WithEndedStaysAsync(Dynalite dynalite)
    {
        var store = await InventoryStore.CreateAsync(dynalite, snapshotInterval: 5);
        var stays = Enumerable.Range(0, 40).Select(i =>
            (IDomainEvent)new RoomBooked(HotelId, RoomTypeId, $"seed-b{i}", $"guest-{i}", new DateOnly(2027, 2, 1).AddDays(i), new DateOnly(2027, 2, 2).AddDays(i), false));
        await store.SeedAsync(capacity: 1, [.. stays, new BookingCancelled(HotelId, RoomTypeId, "seed-b29", "guest-29", "guest-29")]);
        store.Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
        return store;
    }

    private static string Code(PersistOutcome outcome) => outcome.Rejection?.Reasons.Single().Code ?? EventType(outcome);

    [Fact]
    public async Task A_snapshot_closes_the_stays_no_command_can_change_and_keeps_them_beside_it_so_its_size_follows_the_open_stays()
    {
        var store = await WithEndedStaysAsync(dynalite);

        await store.NewContainer().PersistAsync(BookRoom("book-1", "ann", "b1", "2027-04-01", "2027-04-02"));

        var (state, problem) = InventorySnapshotCodec.Decode((await store.Snapshots.ReadLatestAsync(Inventory, null, CancellationToken.None))!, HotelId, RoomTypeId);
        Assert.Null(problem);
        Assert.Equal(new DateOnly(2027, 2, 26), state!.ClosedBefore);
        Assert.Equal(26, state.ClosedCount);
        Assert.Equal([.. Enumerable.Range(25, 15).Where(i => i != 29).Select(i => $"seed-b{i}")], state.Bookings.Keys.Order(StringComparer.Ordinal).ToList().OrderBy(k => int.Parse(k[6..])));
        Assert.DoesNotContain(state.HeldPerNight.Keys, night => night < new DateOnly(2027, 2, 26));
        Assert.Equal(new Booking("seed-b0", "guest-0", new Stay(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 2)), BookingStatus.Booked, false),
            await store.Snapshots.FindClosedAsync(Inventory, "seed-b0", CancellationToken.None));
        Assert.Equal(BookingStatus.Cancelled, (await store.Snapshots.FindClosedAsync(Inventory, "seed-b29", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_cold_decision_from_a_snapshot_that_closed_bookings_still_decides_on_them_as_the_whole_log_would()
    {
        var store = await WithEndedStaysAsync(dynalite);
        await store.NewContainer().PersistAsync(BookRoom("book-1", "ann", "b1", "2027-04-01", "2027-04-02"));

        Assert.Equal(ReasonCodes.DuplicateBookingId, Code(await store.NewContainer().PersistAsync(BookRoom("book-2", "ann", "seed-b3", "2027-04-05", "2027-04-06"))));
        Assert.Equal(ReasonCodes.StayStarted, Code(await store.NewContainer().PersistAsync(CancelBooking("cancel-1", "guest-5", "seed-b5"))));
        Assert.Equal(ReasonCodes.BookingAlreadyCancelled, Code(await store.NewContainer().PersistAsync(CancelBooking("cancel-2", "guest-29", "seed-b29"))));
        Assert.Equal(ReasonCodes.NotBookingOwner, Code(await store.NewContainer().PersistAsync(CancelBooking("cancel-3", "mallory", "seed-b29"))));
        Assert.Equal(ReasonCodes.UnknownBooking, Code(await store.NewContainer().PersistAsync(CancelBooking("cancel-4", "ann", "never-made"))));
        Assert.Equal("V1.RoomBooked", Code(await store.NewContainer().PersistAsync(BookRoom("book-3", "ann", "fresh", "2027-04-05", "2027-04-06"))));
    }

    [Fact]
    public async Task A_damaged_closed_booking_is_ignored_with_a_logged_warning_and_the_decision_is_still_right()
    {
        var store = await WithEndedStaysAsync(dynalite);
        await store.NewContainer().PersistAsync(BookRoom("book-1", "ann", "b1", "2027-04-01", "2027-04-02"));
        await dynalite.Client.PutItemAsync(new Amazon.DynamoDBv2.Model.PutItemRequest
        {
            TableName = store.Table,
            Item = new()
            {
                ["AggregateId"] = new() { S = $"{DynamoDbSnapshotStore.ClosedKeyPrefix}{Inventory}#seed-b3" },
                ["Version"] = new() { N = "0" },
                ["Status"] = new() { S = "Teleported" },
            },
        });

        var cold = store.NewContainer();
        var outcome = await cold.PersistAsync(BookRoom("book-2", "ann", "seed-b3", "2027-04-05", "2027-04-06"));

        Assert.Equal(ReasonCodes.DuplicateBookingId, Code(outcome));
        Assert.Contains(cold.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("seed-b3", StringComparison.Ordinal));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Functions.Json.HandlerJson.Options);
}
