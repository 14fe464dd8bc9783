using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Persistence;

/// <summary>Persist in warm containers that decide on the commits they last saw, against real conditional appends.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class WarmPersistTests(Dynalite dynalite)
{
    private static readonly string Inventory = AggregateIds.Inventory(HotelId, RoomTypeId);

    private sealed record Container(PersistHandler Handler, ReadCountingLog Store);

    private async Task<(DynamoDbCommitLog Log, Func<Container> NewContainer)> NewStoreAsync()
    {
        var table = (await dynalite.CreateTablesAsync()).CommitLog;
        var log = new DynamoDbCommitLog(dynalite.Client, table);
        return (log, () =>
        {
            var store = new ReadCountingLog(log);
            return new Container(new PersistHandler(store, new DynamoDbCommandLedger(dynalite.Client, table), new DynamoDbSnapshotStore(dynalite.Client, table), TimeProvider.System), store);
        });
    }

    private static Task<JsonElement> PersistAsync(Container container, JsonObject envelope) =>
        Lambda.InvokeAsync(container.Handler.Handle, new JsonObject { ["command"] = envelope.DeepClone(), ["executionId"] = $"exec-{envelope["commandId"]}" }.ToJsonString());

    private static long Version(JsonElement persisted) => persisted.GetProperty("commit").GetProperty("changes")[0].GetProperty("version").GetInt64();

    [Fact]
    public async Task A_warm_container_books_on_the_commits_it_last_saw_without_reading_the_log()
    {
        var (log, newContainer) = await NewStoreAsync();
        var warm = newContainer();
        await PersistAsync(warm, RegisterHotel("register", capacity: 3));
        await PersistAsync(warm, BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"));
        warm.Store.Reads.Clear();

        var booked = await PersistAsync(warm, BookRoom("book-2", "bob", "b2", "2027-03-01", "2027-03-02"));

        Assert.Equal(3, Version(booked));
        Assert.Empty(warm.Store.Reads);
        Assert.Equal(["register", "book-1", "book-2"], (await log.LoadAsync(Inventory, CancellationToken.None)).Select(c => c.CommandId));
    }

    [Fact]
    public async Task A_container_whose_commits_are_stale_loses_the_append_reads_fresh_and_books_after_the_newer_commit()
    {
        var (log, newContainer) = await NewStoreAsync();
        var (stale, other) = (newContainer(), newContainer());
        await PersistAsync(stale, RegisterHotel("register", capacity: 1));
        await PersistAsync(stale, BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"));
        await PersistAsync(other, BookRoom("book-2", "bob", "b2", "2027-03-01", "2027-03-02"));

        var outcome = await PersistAsync(stale, BookRoom("book-3", "cy", "b3", "2027-03-01", "2027-03-02"));

        Assert.Equal(4, Version(outcome));
        Assert.Equal("V1.GuestWaitlisted", outcome.GetProperty("commit").GetProperty("changes")[0].GetProperty("events")[0].GetProperty("type").GetString());
        Assert.Equal([(Inventory, 2L, 1)], stale.Store.Reads.Where(r => r.AfterVersion > 0));
        Assert.Equal([1L, 2, 3, 4], (await log.LoadAsync(Inventory, CancellationToken.None)).Select(c => c.Version));
    }

    [Fact]
    public async Task A_rejection_is_never_given_on_stale_commits_a_booking_made_elsewhere_can_be_cancelled()
    {
        var (_, newContainer) = await NewStoreAsync();
        var (stale, other) = (newContainer(), newContainer());
        await PersistAsync(stale, RegisterHotel("register", capacity: 2));
        await PersistAsync(stale, BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"));
        await PersistAsync(other, BookRoom("book-2", "bob", "b2", "2027-03-01", "2027-03-02"));

        var cancelled = await PersistAsync(stale, CancelBooking("cancel-2", "bob", "b2"));

        Assert.True(cancelled.GetProperty("accepted").GetBoolean(), cancelled.ToString());
        Assert.Equal(4, Version(cancelled));
    }

    [Fact]
    public async Task A_command_committed_by_another_container_is_returned_again_not_appended_twice()
    {
        var (log, newContainer) = await NewStoreAsync();
        var (stale, other) = (newContainer(), newContainer());
        await PersistAsync(stale, RegisterHotel("register", capacity: 2));
        await PersistAsync(stale, BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"));
        var booking = BookRoom("book-2", "bob", "b2", "2027-03-01", "2027-03-02");
        var first = await PersistAsync(other, booking);

        var again = await PersistAsync(stale, booking);

        Assert.Equal(first.ToString(), again.ToString());
        Assert.Equal(["register", "book-1", "book-2"], (await log.LoadAsync(Inventory, CancellationToken.None)).Select(c => c.CommandId));
    }
}
