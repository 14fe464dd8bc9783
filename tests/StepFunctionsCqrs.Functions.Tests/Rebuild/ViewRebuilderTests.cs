using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Rebuild;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Rebuild;

[Collection(DynaliteCollection.Name)]
public sealed class ViewRebuilderTests(Dynalite dynalite)
{
    private async Task<Pipeline> LiveHistoryWithWaitlistAndPromotionAsync()
    {
        var live = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await live.RunAsync(RegisterHotel("register", 2, HotelId, "double", "suite"));
        await live.RunAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-03"));
        await live.RunAsync(BookRoom("c2", "bob", "b2", "2027-03-02", "2027-03-03"));
        await live.RunAsync(BookRoom("c3", "carol", "b3", "2027-03-02", "2027-03-04"));
        await live.RunAsync(BookRoom("c4", "dave", "b4", "2027-03-02", "2027-03-03", roomTypeId: "suite"));
        await live.RunAsync(CancelBooking("c5", "alice", "b1"));
        return live;
    }

    private ViewRebuilder Rebuilder(TableNames views) => new(
        new DynamoDbAvailabilityView(dynalite.Client, views.Availability),
        new DynamoDbGuestBookingsView(dynalite.Client, views.GuestBookings),
        new DynamoDbArrivalsView(dynalite.Client, views.Arrivals));

    private Task<IReadOnlyList<StoredCommit>> CommitsAsync(TableNames tables) =>
        new DynamoDbCommitLog(dynalite.Client, tables.CommitLog).ReadAllAsync(CancellationToken.None);

    private async Task<IReadOnlyList<string>[]> ViewsAsync(TableNames tables) =>
    [
        await TableContents.ScanAsync(dynalite.Client, tables.Availability),
        await TableContents.ScanAsync(dynalite.Client, tables.GuestBookings),
        await TableContents.ScanAsync(dynalite.Client, tables.Arrivals),
    ];

    [Fact]
    public async Task Views_rebuilt_from_the_commit_log_equal_the_views_the_workflow_projected()
    {
        var live = await LiveHistoryWithWaitlistAndPromotionAsync();
        var empty = await dynalite.CreateTablesAsync();

        var summary = await Rebuilder(empty).ReplayAsync(await CommitsAsync(live.Tables), 2, null, CancellationToken.None);

        Assert.Equal(8, summary.Commits);
        Assert.Equal(3, summary.Aggregates);
        Assert.True(summary.RowsWritten > 0);
        Assert.Equal(await ViewsAsync(live.Tables), await ViewsAsync(empty));
    }

    [Fact]
    public async Task Replaying_over_current_views_writes_nothing_and_changes_nothing()
    {
        var live = await LiveHistoryWithWaitlistAndPromotionAsync();
        var before = await ViewsAsync(live.Tables);
        var commits = await CommitsAsync(live.Tables);

        var parallel = await Rebuilder(live.Tables).ReplayAsync(commits, 4, null, CancellationToken.None);
        var sequential = await Rebuilder(live.Tables).ReplayAsync(commits, 1, null, CancellationToken.None);

        Assert.Equal(0, parallel.RowsWritten);
        Assert.Equal(0, sequential.RowsWritten);
        Assert.True(parallel.RowsOffered > 0);
        Assert.Equal(parallel.RowsOffered, sequential.RowsOffered);
        Assert.Equal(before, await ViewsAsync(live.Tables));
    }

    [Fact]
    public async Task Progress_reaches_every_commit()
    {
        var live = await LiveHistoryWithWaitlistAndPromotionAsync();
        var commits = await CommitsAsync(live.Tables);
        var reports = new List<ReplayProgress>();

        await Rebuilder(await dynalite.CreateTablesAsync()).ReplayAsync(commits, 1, new ImmediateProgress<ReplayProgress>(reports.Add), CancellationToken.None);

        Assert.Equal(commits.Count, reports.Count);
        Assert.Equal(commits.Count, reports.Max(r => r.CommitsDone));
        Assert.All(reports, r => Assert.Equal(commits.Count, r.CommitsTotal));
    }

    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public async Task A_replay_keeps_one_booking_id_used_in_two_room_types_as_two_guest_bookings()
    {
        var live = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await live.RunAsync(RegisterHotel("register", 1, HotelId, "double", "single"));
        await live.RunAsync(BookRoom("c1", "ann", "b1", "2027-03-01", "2027-03-03", roomTypeId: "double"));
        await live.RunAsync(BookRoom("c2", "ann", "b1", "2027-03-01", "2027-03-02", roomTypeId: "single"));
        var empty = await dynalite.CreateTablesAsync();

        await Rebuilder(empty).ReplayAsync(await CommitsAsync(live.Tables), 1, null, CancellationToken.None);

        var rows = await new DynamoDbGuestBookingsView(dynalite.Client, empty.GuestBookings).ReadAsync("ann", CancellationToken.None);
        Assert.Equal([("double", "b1"), ("single", "b1")], rows.Select(r => (r.RoomTypeId, r.BookingId)).Order());
    }
}
