using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Persistence;

/// <summary>Persist's record of the commands it has seen: declines that stay declined, and command ids that name one body.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class CommandLedgerTests(Dynalite dynalite)
{
    private async Task<Pipeline> NewPipelineAsync() => new(dynalite.Client, await dynalite.CreateTablesAsync());

    private async Task<IReadOnlyList<string>> CommandIdsInLogAsync(Pipeline pipeline, string roomTypeId = RoomTypeId) =>
        [.. (await new DynamoDbCommitLog(dynalite.Client, pipeline.Tables.CommitLog)
            .LoadAsync(AggregateIds.Inventory(HotelId, roomTypeId), CancellationToken.None)).Select(c => c.CommandId)];

    private static Task<JsonElement> LookUpAsync(Pipeline pipeline, JsonObject envelope) =>
        Lambda.InvokeAsync(pipeline.Persist.Handle, new JsonObject
        {
            ["command"] = envelope.DeepClone(), ["executionId"] = Pipeline.ExecutionId((string)envelope["commandId"]!), ["lookupOnly"] = true,
        }.ToJsonString());

    private static string? DeclineCode(JsonElement persisted) =>
        persisted.GetProperty("accepted").GetBoolean() ? null : persisted.GetProperty("rejection").GetProperty("reasons")[0].GetProperty("code").GetString();

    [Fact]
    public async Task A_declined_command_run_again_after_the_state_changed_returns_its_first_decline_and_appends_nothing()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));
        var cancel = CancelBooking("cancel-early", "alice", "b1");
        Assert.Equal("UnknownBooking", DeclineCode(await pipeline.PersistWithRetryAsync(cancel)));

        await pipeline.PersistWithRetryAsync(BookRoom("book", "alice", "b1", "2027-03-01", "2027-03-02"));
        var rerun = await pipeline.PersistWithRetryAsync(cancel);

        Assert.Equal("UnknownBooking", DeclineCode(rerun));
        Assert.Equal(["register", "book"], await CommandIdsInLogAsync(pipeline));
    }

    [Fact]
    public async Task A_command_id_reused_for_another_booking_in_another_room_type_is_declined_as_reused_and_appends_nothing()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", 1, HotelId, "double", "single"));
        await pipeline.PersistWithRetryAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02", roomTypeId: "double"));

        var reused = await pipeline.PersistWithRetryAsync(BookRoom("c1", "mallory", "b9", "2027-03-01", "2027-03-02", roomTypeId: "single"));

        Assert.Equal("CommandIdReused", DeclineCode(reused));
        Assert.Equal("commandId", reused.GetProperty("rejection").GetProperty("reasons")[0].GetProperty("field").GetString());
        Assert.Equal(["register"], await CommandIdsInLogAsync(pipeline, "single"));
        Assert.Equal(["register", "c1"], await CommandIdsInLogAsync(pipeline, "double"));
    }

    [Fact]
    public async Task The_same_body_with_its_members_in_another_order_is_the_same_command()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));
        var booking = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02");
        var first = await pipeline.PersistWithRetryAsync(booking);
        var reordered = new JsonObject(booking.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        var again = await pipeline.PersistWithRetryAsync(reordered);

        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal(["register", "c1"], await CommandIdsInLogAsync(pipeline));
    }

    [Fact]
    public async Task A_lookup_returns_the_commit_an_earlier_attempt_appended_without_appending_again()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));
        var booking = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02");
        var persisted = await pipeline.PersistWithRetryAsync(booking);

        var found = await LookUpAsync(pipeline, booking);

        Assert.Equal(persisted.GetRawText(), found.GetRawText());
        Assert.Equal(["register", "c1"], await CommandIdsInLogAsync(pipeline));
    }

    [Fact]
    public async Task A_lookup_of_a_command_never_persisted_finds_nothing_and_decides_nothing()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));

        var found = await LookUpAsync(pipeline, BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02"));

        Assert.False(found.GetProperty("accepted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, found.GetProperty("rejection").ValueKind);
        Assert.Equal(JsonValueKind.Null, found.GetProperty("commit").ValueKind);
        Assert.Equal(["register"], await CommandIdsInLogAsync(pipeline));
    }

    [Fact]
    public async Task A_lookup_of_a_declined_command_returns_the_recorded_decline()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));
        var cancel = CancelBooking("c1", "alice", "nope");
        await pipeline.PersistWithRetryAsync(cancel);

        Assert.Equal("UnknownBooking", DeclineCode(await LookUpAsync(pipeline, cancel)));
    }

    [Fact]
    public async Task Replaying_the_log_reads_commits_only_and_never_the_ledger()
    {
        var pipeline = await NewPipelineAsync();
        await pipeline.PersistWithRetryAsync(RegisterHotel("register", capacity: 1));
        await pipeline.PersistWithRetryAsync(CancelBooking("c1", "alice", "nope"));

        var all = await new DynamoDbCommitLog(dynalite.Client, pipeline.Tables.CommitLog).ReadAllAsync(CancellationToken.None);

        Assert.Equal(["hotel#grand", "inventory#grand#double"], all.Select(c => c.AggregateId));
    }
}
