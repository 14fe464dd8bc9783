using System.Text.Json;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

[Collection(DynaliteCollection.Name)]
public sealed class ProjectionHandlerTests(Dynalite dynalite)
{
    /// <summary>A history with bookings, a waitlist, a cancellation and a promotion; returns each accepted commit in order.</summary>
    private async Task<IReadOnlyList<JsonElement>> CommitsAsync(Pipeline pipeline)
    {
        var commits = new List<JsonElement>();
        foreach (var envelope in new[]
        {
            RegisterHotel("register", 1),
            BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-03"),
            BookRoom("c2", "bob", "b2", "2027-03-02", "2027-03-04"),
            BookRoom("c3", "carol", "b3", "2027-03-05", "2027-03-06"),
            CancelBooking("c4", "alice", "b1"),
            CancelBooking("c5", "carol", "b3"),
        })
        {
            var persisted = await pipeline.PersistWithRetryAsync(envelope);
            commits.Add(persisted.GetProperty("commit"));
        }

        return commits;
    }

    private async Task<IReadOnlyList<IReadOnlyList<string>>> ViewsAsync(TableNames tables) =>
    [
        await TableContents.ScanAsync(dynalite.Client, tables.Availability),
        await TableContents.ScanAsync(dynalite.Client, tables.GuestBookings),
        await TableContents.ScanAsync(dynalite.Client, tables.Arrivals),
    ];

    [Fact]
    public async Task Commits_fed_out_of_order_and_twice_leave_the_views_equal_to_in_order_once()
    {
        var source = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var commits = await CommitsAsync(source);
        var inOrder = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var shuffled = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());

        foreach (var commit in commits)
        {
            await inOrder.ProjectAsync(commit);
        }

        foreach (var commit in commits.Reverse().Concat(commits).Concat(commits.Skip(2).Reverse()))
        {
            await shuffled.ProjectAsync(commit);
        }

        var expected = await ViewsAsync(inOrder.Tables);
        Assert.Equal(expected, await ViewsAsync(shuffled.Tables));
        Assert.Contains(expected[0], row => row.Contains("Date=2027-03-02", StringComparison.Ordinal) && row.Contains("RoomsLeft=0", StringComparison.Ordinal));
        Assert.Contains(expected[1], row => row.Contains("BookingId=b2", StringComparison.Ordinal) && row.Contains("FromWaitlist=True", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_projection_called_twice_with_the_same_input_returns_the_same_result_and_changes_nothing_more()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var commits = await CommitsAsync(pipeline);
        foreach (var commit in commits.Take(4))
        {
            await pipeline.ProjectAsync(commit);
        }

        var input = JsonSerializer.Serialize(new { commit = commits[4], executionId = Pipeline.ExecutionId("c4") });
        Func<Stream, Task<Stream>>[] handlers = [pipeline.ProjectAvailability.Handle, pipeline.ProjectGuestBookings.Handle, pipeline.ProjectArrivals.Handle];
        foreach (var handle in handlers)
        {
            var first = await Lambda.InvokeAsync(handle, input);
            var views = await ViewsAsync(pipeline.Tables);
            var second = await Lambda.InvokeAsync(handle, input);

            Assert.Equal(first.GetRawText(), second.GetRawText());
            Assert.Equal(views, await ViewsAsync(pipeline.Tables));
        }
    }

    [Fact]
    public async Task An_older_commit_arriving_late_does_not_bring_back_a_cancelled_arrival()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var commits = await CommitsAsync(pipeline);

        await pipeline.ProjectAsync(commits[0]);
        await pipeline.ProjectAsync(commits[4]);
        await pipeline.ProjectAsync(commits[1]);

        var arrivals = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/hotels/grand/arrivals", new() { ["date"] = "2027-03-01" }));
        var body = JsonDocument.Parse(arrivals.GetProperty("body").GetString()!).RootElement;
        Assert.Empty(body.GetProperty("arrivals").EnumerateArray());
    }

    [Fact]
    public async Task One_booking_id_used_in_two_room_types_stays_two_bookings_in_the_guest_and_arrivals_views()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", 1, HotelId, "double", "single"));
        await pipeline.RunAsync(BookRoom("c1", "ann", "b1", "2027-03-01", "2027-03-03", roomTypeId: "double"));
        await pipeline.RunAsync(BookRoom("c2", "ann", "b1", "2027-03-01", "2027-03-02", roomTypeId: "single"));

        var guest = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/guests/ann/bookings"));
        var bookings = JsonDocument.Parse(guest.GetProperty("body").GetString()!).RootElement.GetProperty("bookings").EnumerateArray()
            .Select(b => (b.GetProperty("roomTypeId").GetString(), b.GetProperty("bookingId").GetString(), b.GetProperty("checkOut").GetString()));
        Assert.Equal([("double", "b1", "2027-03-03"), ("single", "b1", "2027-03-02")], bookings.Order());

        var arrivals = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/hotels/grand/arrivals", new() { ["date"] = "2027-03-01" }));
        var arriving = JsonDocument.Parse(arrivals.GetProperty("body").GetString()!).RootElement.GetProperty("arrivals").EnumerateArray()
            .Select(a => (a.GetProperty("roomTypeId").GetString(), a.GetProperty("bookingId").GetString()));
        Assert.Equal([("double", "b1"), ("single", "b1")], arriving.Order());
    }

    [Fact]
    public async Task A_cancellation_in_one_room_type_leaves_the_same_booking_id_in_another_room_type_booked()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", 1, HotelId, "double", "single"));
        await pipeline.RunAsync(BookRoom("c1", "ann", "b1", "2027-03-01", "2027-03-03", roomTypeId: "single"));
        await pipeline.RunAsync(BookRoom("c2", "ann", "b1", "2027-03-01", "2027-03-03", roomTypeId: "double"));
        await pipeline.RunAsync(BookRoom("c3", "ann", "b2", "2027-03-05", "2027-03-06", roomTypeId: "double"));
        // The double inventory is now at version 4, the single one at version 2: a guard across aggregates would refuse
        // the single room type's cancellation (version 3) as older than the double's booking it overwrote.
        await pipeline.RunAsync(CancelBookingIn("single", "c4", "ann", "b1"));

        var guest = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/guests/ann/bookings"));
        var statuses = JsonDocument.Parse(guest.GetProperty("body").GetString()!).RootElement.GetProperty("bookings").EnumerateArray()
            .Select(b => (b.GetProperty("roomTypeId").GetString(), b.GetProperty("bookingId").GetString(), b.GetProperty("status").GetString()));
        Assert.Equal([("double", "b1", "Booked"), ("double", "b2", "Booked"), ("single", "b1", "Cancelled")], statuses.Order());
    }
}
