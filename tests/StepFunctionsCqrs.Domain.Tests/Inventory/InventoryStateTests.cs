using StepFunctionsCqrs.Domain.Inventory;
using static StepFunctionsCqrs.Domain.Tests.TestKit.Sample;

namespace StepFunctionsCqrs.Domain.Tests.Inventory;

public sealed class InventoryStateTests
{
    private static InventoryState Fold(params StepFunctionsCqrs.Domain.Events.IDomainEvent[] events) =>
        InventoryState.Fold(InventoryState.Initial(HotelId, RoomTypeId), events);

    [Fact]
    public void Rooms_left_counts_the_nights_each_booking_holds_and_not_its_check_out_day()
    {
        var state = Fold(new InventoryOpened(HotelId, RoomTypeId, 3), Booked("b1", Alice, March1, March1.AddDays(2)));

        Assert.Equal(2, state.RoomsLeft(March1));
        Assert.Equal(2, state.RoomsLeft(March1.AddDays(1)));
        Assert.Equal(3, state.RoomsLeft(March1.AddDays(2)));
    }

    [Fact]
    public void A_cancelled_booking_frees_its_nights_and_a_cancelled_waitlist_entry_leaves_the_queue()
    {
        var state = Fold(
            new InventoryOpened(HotelId, RoomTypeId, 1),
            Booked("b1", Alice, March1, March1.AddDays(1)),
            Waitlisted("b2", Bob, March1, March1.AddDays(1)),
            new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"),
            new BookingCancelled(HotelId, RoomTypeId, "b2", "bob", "bob"));

        Assert.Equal(1, state.RoomsLeft(March1));
        Assert.Empty(state.Waitlist);
        Assert.Equal(BookingStatus.Cancelled, state.Bookings["b2"].Status);
    }

    [Fact]
    public void The_waitlist_keeps_arrival_order_and_drops_promoted_requests()
    {
        var state = Fold(
            new InventoryOpened(HotelId, RoomTypeId, 1),
            Waitlisted("b2", Bob, March1, March1.AddDays(1)),
            Waitlisted("b3", Carol, March1, March1.AddDays(1)),
            Waitlisted("b4", Alice, March1, March1.AddDays(1)),
            Booked("b3", Carol, March1, March1.AddDays(1), fromWaitlist: true));

        Assert.Equal(["b2", "b4"], state.Waitlist);
        Assert.True(state.Bookings["b3"].FromWaitlist);
    }
}
