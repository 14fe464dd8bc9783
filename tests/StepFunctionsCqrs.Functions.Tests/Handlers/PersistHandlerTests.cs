using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using Xunit.Abstractions;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

[Collection(DynaliteCollection.Name)]
public sealed class PersistHandlerTests(Dynalite dynalite, ITestOutputHelper output)
{
    private async Task<Pipeline> NewPipelineAsync() => new(dynalite.Client, await dynalite.CreateTablesAsync());

    private DynamoDbCommitLog CommitLog(Pipeline pipeline) => new(dynalite.Client, pipeline.Tables.CommitLog);

    private static IEnumerable<string> EventTypes(JsonElement persisted) =>
        persisted.GetProperty("commit").GetProperty("changes").EnumerateArray()
            .SelectMany(c => c.GetProperty("events").EnumerateArray())
            .Select(e => e.GetProperty("type").GetString()!);

    [Fact]
    public async Task Twenty_guests_racing_for_five_rooms_five_are_booked_fifteen_waitlisted_and_no_commit_is_lost()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 5));

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            pipeline.PersistWithRetryAsync(BookRoom($"book-{i}", $"guest-{i}", $"b{i}", "2027-03-01", "2027-03-02"))));

        output.WriteLine($"Persist attempts that lost the race and were retried: {pipeline.Conflicts}");
        Assert.True(pipeline.Conflicts > 0, "The racers never collided, so the test proved nothing about concurrency.");
        var outcomes = results.Select(r => EventTypes(r).Single()).ToList();
        Assert.Equal(5, outcomes.Count(t => t == "V1.RoomBooked"));
        Assert.Equal(15, outcomes.Count(t => t == "V1.GuestWaitlisted"));

        var commits = await CommitLog(pipeline).LoadAsync(AggregateIds.Inventory(HotelId, RoomTypeId), CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 21).Select(v => (long)v), commits.Select(c => c.Version));
        Assert.Equal(
            Enumerable.Range(1, 20).Select(i => $"book-{i}").Order(),
            commits.Skip(1).Select(c => c.CommandId).Order());
        Assert.Equal(
            results.Select(r => r.GetProperty("commit").GetProperty("changes")[0].GetProperty("version").GetInt64()).Order(),
            commits.Skip(1).Select(c => c.Version));
    }

    [Fact]
    public async Task Persisting_the_same_command_twice_returns_the_same_result_and_appends_once()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));
        var booking = BookRoom("book-1", "alice", "b1", "2027-03-01", "2027-03-04");

        var first = await pipeline.PersistWithRetryAsync(booking);
        await pipeline.PersistWithRetryAsync(BookRoom("book-2", "bob", "b2", "2027-03-10", "2027-03-11"));
        var second = await pipeline.PersistWithRetryAsync(booking);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        var commits = await CommitLog(pipeline).LoadAsync(AggregateIds.Inventory(HotelId, RoomTypeId), CancellationToken.None);
        Assert.Equal(["register", "book-1", "book-2"], commits.Select(c => c.CommandId));
    }

    [Fact]
    public async Task Registering_a_hotel_appends_the_hotel_and_one_opened_inventory_per_room_type()
    {
        var pipeline = await NewPipelineAsync();

        var persisted = await pipeline.PersistWithRetryAsync(RegisterHotel("register", 3, HotelId, "double", "suite"));

        var changes = persisted.GetProperty("commit").GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["hotel#grand", "inventory#grand#double", "inventory#grand#suite"], changes.Select(c => c.GetProperty("aggregateId").GetString()));
        Assert.All(changes, c => Assert.Equal(1, c.GetProperty("version").GetInt64()));
        Assert.Equal(3, changes[2].GetProperty("inventory").GetProperty("capacity").GetInt32());
        var again = await pipeline.PersistWithRetryAsync(RegisterHotel("register", 3, HotelId, "double", "suite"));
        Assert.Equal(persisted.GetRawText(), again.GetRawText());
    }

    [Fact]
    public async Task A_registration_that_stopped_after_the_hotel_commit_is_completed_by_its_retry()
    {
        var pipeline = await NewPipelineAsync();
        var log = CommitLog(pipeline);
        await log.AppendAsync(new StoredCommit(AggregateIds.Hotel(HotelId), 1, "register",
            [new HotelRegistered(HotelId, "Grand Hotel", [new RoomTypeSpec("double", 2), new RoomTypeSpec("suite", 2)])],
            pipeline.Time.GetUtcNow(), "earlier-attempt"), CancellationToken.None);

        var retried = await pipeline.PersistWithRetryAsync(RegisterHotel("register", 2, HotelId, "double", "suite"));

        Assert.True(retried.GetProperty("accepted").GetBoolean());
        Assert.Equal(3, retried.GetProperty("commit").GetProperty("changes").GetArrayLength());
        Assert.Single(await log.LoadAsync(AggregateIds.Inventory(HotelId, "suite"), CancellationToken.None));
        Assert.Single(await log.LoadAsync(AggregateIds.Hotel(HotelId), CancellationToken.None));
    }

    [Fact]
    public async Task A_booking_for_a_half_registered_hotel_opens_the_missing_inventory_first()
    {
        var pipeline = await NewPipelineAsync();
        var log = CommitLog(pipeline);
        await log.AppendAsync(new StoredCommit(AggregateIds.Hotel(HotelId), 1, "register",
            [new HotelRegistered(HotelId, "Grand Hotel", [new RoomTypeSpec("double", 2)])], pipeline.Time.GetUtcNow(), "earlier"), CancellationToken.None);

        var booked = await pipeline.PersistWithRetryAsync(BookRoom("book-1", "alice", "b1", "2027-03-01", "2027-03-02"));

        Assert.Equal(["V1.RoomBooked"], EventTypes(booked));
        var commits = await log.LoadAsync(AggregateIds.Inventory(HotelId, RoomTypeId), CancellationToken.None);
        Assert.Equal([("register", 1L), ("book-1", 2L)], commits.Select(c => (c.CommandId, c.Version)));

        await pipeline.ProjectAsync(booked.GetProperty("commit"));
        var availability = await Lambda.InvokeAsync(pipeline.Query.Handle,
            QueryEvents.Get("/hotels/grand/room-types/double/availability", new() { ["from"] = "2027-03-01", ["to"] = "2027-03-03" }));
        Assert.Equal(200, availability.GetProperty("statusCode").GetInt32());
        Assert.Contains("\"roomsLeft\":1", availability.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_second_registration_of_the_same_hotel_is_declined_without_a_commit()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", 1));

        var again = await pipeline.PersistWithRetryAsync(RegisterHotel("register-again", 4));

        Assert.False(again.GetProperty("accepted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("commit").ValueKind);
        Assert.Equal("HotelAlreadyRegistered", again.GetProperty("rejection").GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Single(await CommitLog(pipeline).LoadAsync(AggregateIds.Hotel(HotelId), CancellationToken.None));
    }

    [Fact]
    public async Task Business_rules_decline_unknown_hotels_room_types_and_other_guests_cancellations()
    {
        var pipeline = await NewPipelineAsync();
        Assert.Equal("UnknownHotel", await DeclineCode(pipeline, BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02")));

        await pipeline.PersistWithRetryAsync(RegisterHotel("register", 1));
        await pipeline.PersistWithRetryAsync(BookRoom("c2", "alice", "b1", "2027-03-01", "2027-03-02"));

        Assert.Equal("UnknownRoomType", await DeclineCode(pipeline, BookRoom("c3", "alice", "b2", "2027-03-01", "2027-03-02", roomTypeId: "penthouse")));
        Assert.Equal("NotBookingOwner", await DeclineCode(pipeline, CancelBooking("c4", "bob", "b1")));
        Assert.Equal("DuplicateBookingId", await DeclineCode(pipeline, BookRoom("c5", "bob", "b1", "2027-04-01", "2027-04-02")));
        Assert.Equal("UnknownBooking", await DeclineCode(pipeline, CancelBooking("c6", "alice", "nope")));
    }

    [Fact]
    public async Task An_expected_version_that_is_not_the_current_one_is_declined()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", 1));
        var stale = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02");
        stale["expectedVersion"] = 0;
        var current = BookRoom("c2", "alice", "b2", "2027-03-01", "2027-03-02");
        current["expectedVersion"] = 1;

        Assert.Equal("WrongExpectedVersion", await DeclineCode(pipeline, stale));
        Assert.True((await pipeline.PersistWithRetryAsync(current)).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task Cancelling_promotes_the_oldest_waitlisted_guest_in_the_same_commit()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", 1));
        await pipeline.PersistWithRetryAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02"));
        await pipeline.PersistWithRetryAsync(BookRoom("c2", "bob", "b2", "2027-03-01", "2027-03-02"));
        await pipeline.PersistWithRetryAsync(BookRoom("c3", "carol", "b3", "2027-03-01", "2027-03-02"));

        var cancelled = await pipeline.PersistWithRetryAsync(CancelBooking("c4", "alice", "b1"));

        var events = cancelled.GetProperty("commit").GetProperty("changes")[0].GetProperty("events");
        Assert.Equal(["V1.BookingCancelled", "V1.RoomBooked"], events.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("b2", events[1].GetProperty("bookingId").GetString());
        Assert.True(events[1].GetProperty("fromWaitlist").GetBoolean());
    }

    private static async Task<string?> DeclineCode(Pipeline pipeline, JsonObject envelope)
    {
        var persisted = await pipeline.PersistWithRetryAsync(envelope);
        Assert.False(persisted.GetProperty("accepted").GetBoolean(), $"Expected a decline for {envelope["commandId"]}.");
        return persisted.GetProperty("rejection").GetProperty("reasons")[0].GetProperty("code").GetString();
    }
}
