using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using static StepFunctionsCqrs.Domain.Tests.TestKit.Sample;

namespace StepFunctionsCqrs.Domain.Tests.Projections;

public sealed class ProjectionTests
{
    private static readonly IDomainEvent Opened = new InventoryOpened(HotelId, RoomTypeId, 2);

    private static AggregateChange Change(long version, IDomainEvent[] before, params IDomainEvent[] events)
    {
        var after = InventoryState.Fold(InventoryState.Initial(HotelId, RoomTypeId), [.. before, .. events]);
        return new AggregateChange(AggregateIds.Inventory(HotelId, RoomTypeId), version, events, InventoryTouched.Of(after, events));
    }

    [Fact]
    public void Opening_an_inventory_writes_the_capacity_row_that_stands_for_every_unbooked_night()
    {
        var rows = AvailabilityProjection.Project(Change(1, [], Opened));

        Assert.Equal([new AvailabilityRow(HotelId, RoomTypeId, null, 2, 2, 1)], rows);
    }

    [Fact]
    public void A_booking_writes_the_rooms_left_after_the_commit_for_each_night_it_holds()
    {
        var rows = AvailabilityProjection.Project(Change(3, [Opened, Booked("b1", Alice, March1, March1.AddDays(1))],
            Booked("b2", Bob, March1, March1.AddDays(2))));

        Assert.Equal(
            [new AvailabilityRow(HotelId, RoomTypeId, null, 2, 2, 3),
             new AvailabilityRow(HotelId, RoomTypeId, March1, 2, 0, 3), new AvailabilityRow(HotelId, RoomTypeId, March1.AddDays(1), 2, 1, 3)],
            rows);
    }

    [Fact]
    public void A_waitlisted_request_changes_no_nights_availability_but_appears_in_the_guests_bookings()
    {
        var change = Change(2, [Opened], Waitlisted("b1", Alice, March1, March1.AddDays(1)));

        Assert.All(AvailabilityProjection.Project(change), row => Assert.Null(row.Date));
        Assert.Empty(ArrivalsProjection.Project(change));
        Assert.Equal(
            [new GuestBookingRow("alice", "b1", HotelId, RoomTypeId, March1, March1.AddDays(1), BookingStatus.Waitlisted, false, 2)],
            GuestBookingsProjection.Project(change));
    }

    [Fact]
    public void A_cancellation_with_a_promotion_updates_both_guests_and_both_arrivals()
    {
        var change = Change(4,
            [Opened, Booked("b1", Alice, March1, March1.AddDays(1)), Booked("b9", Admin, March1, March1.AddDays(1)), Waitlisted("b2", Bob, March1, March1.AddDays(1))],
            new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"),
            Booked("b2", Bob, March1, March1.AddDays(1), fromWaitlist: true));

        Assert.Equal(
            [new AvailabilityRow(HotelId, RoomTypeId, null, 2, 2, 4), new AvailabilityRow(HotelId, RoomTypeId, March1, 2, 0, 4)],
            AvailabilityProjection.Project(change));
        Assert.Equal(
            [BookingStatus.Cancelled, BookingStatus.Booked],
            GuestBookingsProjection.Project(change).Select(r => r.Status));
        Assert.Equal(
            [new ArrivalRow(HotelId, March1, "b1", "alice", RoomTypeId, March1.AddDays(1), ArrivalStatus.Cancelled, 4),
             new ArrivalRow(HotelId, March1, "b2", "bob", RoomTypeId, March1.AddDays(1), ArrivalStatus.Expected, 4)],
            ArrivalsProjection.Project(change));
    }

    [Fact]
    public void A_change_to_the_hotel_registry_projects_nothing()
    {
        var change = new AggregateChange(AggregateIds.Hotel(HotelId), 1, [HotelWithCapacity(1)[0]], null);

        Assert.Empty(AvailabilityProjection.Project(change));
        Assert.Empty(GuestBookingsProjection.Project(change));
        Assert.Empty(ArrivalsProjection.Project(change));
    }
}
