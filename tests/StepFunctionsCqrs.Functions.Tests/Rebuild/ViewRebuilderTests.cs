using StepFunctionsCqrs.Functions.Rebuild;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Rebuild;

[Collection(DynaliteCollection.Name)]
public sealed class ViewRebuilderTests(Dynalite dynalite)
{
    [Fact]
    public async Task Views_rebuilt_from_the_commit_log_equal_the_views_the_workflow_projected()
    {
        var live = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await live.RunAsync(RegisterHotel("register", 2, HotelId, "double", "suite"));
        await live.RunAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-03"));
        await live.RunAsync(BookRoom("c2", "bob", "b2", "2027-03-02", "2027-03-03"));
        await live.RunAsync(BookRoom("c3", "carol", "b3", "2027-03-02", "2027-03-04"));
        await live.RunAsync(BookRoom("c4", "dave", "b4", "2027-03-02", "2027-03-03", roomTypeId: "suite"));
        await live.RunAsync(CancelBooking("c5", "alice", "b1"));

        var empty = await dynalite.CreateTablesAsync();
        var client = dynalite.Client;
        var commits = await new DynamoDbCommitLog(client, live.Tables.CommitLog).ReadAllAsync(CancellationToken.None);
        var rebuilder = new ViewRebuilder(
            new DynamoDbAvailabilityView(client, empty.Availability),
            new DynamoDbGuestBookingsView(client, empty.GuestBookings),
            new DynamoDbArrivalsView(client, empty.Arrivals));

        var summary = await rebuilder.ReplayAsync(commits, 2, null, CancellationToken.None);

        Assert.Equal(8, summary.Commits);
        Assert.Equal(await TableContents.ScanAsync(client, live.Tables.Availability), await TableContents.ScanAsync(client, empty.Availability));
        Assert.Equal(await TableContents.ScanAsync(client, live.Tables.GuestBookings), await TableContents.ScanAsync(client, empty.GuestBookings));
        Assert.Equal(await TableContents.ScanAsync(client, live.Tables.Arrivals), await TableContents.ScanAsync(client, empty.Arrivals));
    }
}
