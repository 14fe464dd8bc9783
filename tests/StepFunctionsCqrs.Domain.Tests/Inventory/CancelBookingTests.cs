using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Tests.TestKit;
using static StepFunctionsCqrs.Domain.Tests.TestKit.Sample;

namespace StepFunctionsCqrs.Domain.Tests.Inventory;

public sealed class CancelBookingTests
{
    private static InventoryCommands.CancelBooking Cancel(string bookingId) => new(HotelId, RoomTypeId, bookingId);

    [Fact]
    public void The_owner_cancels_their_booking()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(1))])
            .When(Cancel("b1"), Alice)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"));
    }

    [Fact]
    public void Another_guest_cannot_cancel_a_booking()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(1))])
            .When(Cancel("b1"), Bob)
            .ThenRejected(ReasonCodes.NotBookingOwner);
    }

    [Fact]
    public void An_admin_cancels_any_guests_booking()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(1))])
            .When(Cancel("b1"), Admin)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "admin-1"));
    }

    [Fact]
    public void Cancelling_an_unknown_booking_is_rejected()
    {
        InventorySpec.Given(HotelWithCapacity(1)).When(Cancel("nope"), Alice).ThenRejected(ReasonCodes.UnknownBooking);
    }

    [Fact]
    public void Cancelling_at_an_unknown_hotel_is_rejected()
    {
        InventorySpec.Given().When(Cancel("b1"), Alice).ThenRejected(ReasonCodes.UnknownHotel);
    }

    [Fact]
    public void Cancelling_twice_is_rejected_the_second_time()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(1)),
                new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice")])
            .When(Cancel("b1"), Alice)
            .ThenRejected(ReasonCodes.BookingAlreadyCancelled);
    }

    [Fact]
    public void A_cancellation_promotes_the_oldest_waitlisted_request_that_now_fits()
    {
        var night = March1;
        InventorySpec.Given([.. HotelWithCapacity(1),
                Booked("b1", Alice, night, night.AddDays(1)),
                Waitlisted("b2", Bob, night, night.AddDays(1)),
                Waitlisted("b3", Carol, night, night.AddDays(1))])
            .When(Cancel("b1"), Alice)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"),
                Booked("b2", Bob, night, night.AddDays(1), fromWaitlist: true));
    }

    [Fact]
    public void An_older_request_that_still_does_not_fit_is_skipped_and_a_younger_one_that_fits_is_promoted()
    {
        InventorySpec.Given([.. HotelWithCapacity(1),
                Booked("b1", Alice, March1, March1.AddDays(1)),
                Booked("b0", Admin, March1.AddDays(1), March1.AddDays(2)),
                Waitlisted("b2", Bob, March1, March1.AddDays(2)),
                Waitlisted("b3", Carol, March1, March1.AddDays(1))])
            .When(Cancel("b1"), Alice)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"),
                Booked("b3", Carol, March1, March1.AddDays(1), fromWaitlist: true));
    }

    [Fact]
    public void Freed_rooms_promote_several_waitlisted_requests_in_order_while_they_fit()
    {
        InventorySpec.Given([.. HotelWithCapacity(1),
                Booked("b1", Alice, March1, March1.AddDays(4)),
                Waitlisted("b2", Bob, March1, March1.AddDays(2)),
                Waitlisted("b3", Carol, March1.AddDays(1), March1.AddDays(3)),
                Waitlisted("b4", Admin, March1.AddDays(2), March1.AddDays(4))])
            .When(Cancel("b1"), Alice)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"),
                Booked("b2", Bob, March1, March1.AddDays(2), fromWaitlist: true),
                Booked("b4", Admin, March1.AddDays(2), March1.AddDays(4), fromWaitlist: true));
    }

    [Fact]
    public void Cancelling_a_waitlisted_request_frees_no_room_and_promotes_nobody()
    {
        InventorySpec.Given([.. HotelWithCapacity(1),
                Booked("b1", Alice, March1, March1.AddDays(1)),
                Waitlisted("b2", Bob, March1, March1.AddDays(1)),
                Waitlisted("b3", Carol, March1, March1.AddDays(1))])
            .When(Cancel("b2"), Bob)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b2", "bob", "bob"));
    }

    [Fact]
    public void A_stay_whose_check_in_has_passed_cannot_be_cancelled()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(3))])
            .When(Cancel("b1"), Alice, today: March1.AddDays(2))
            .ThenRejected(ReasonCodes.StayStarted);
    }

    [Fact]
    public void A_stay_checking_in_yesterday_can_still_be_cancelled_for_hotels_west_of_utc()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(3))])
            .When(Cancel("b1"), Alice, today: March1.AddDays(1))
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"));
    }

    [Fact]
    public void A_cancellation_skips_waitlisted_requests_whose_check_in_has_passed()
    {
        InventorySpec.Given([.. HotelWithCapacity(1),
                Booked("b1", Alice, March1, March1.AddDays(5)),
                Waitlisted("w-past", Bob, March1.AddDays(-3), March1.AddDays(2)),
                Waitlisted("w-open", Carol, March1, March1.AddDays(2))])
            .When(Cancel("b1"), Admin, today: March1)
            .Then(new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "admin-1"), Booked("w-open", Carol, March1, March1.AddDays(2), fromWaitlist: true));
    }
}
