using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Tests.TestKit;
using static StepFunctionsCqrs.Domain.Tests.TestKit.Sample;

namespace StepFunctionsCqrs.Domain.Tests.Inventory;

public sealed class BookRoomTests
{
    [Fact]
    public void A_free_room_for_every_night_is_booked()
    {
        InventorySpec.Given(HotelWithCapacity(1))
            .When(Book("b1", March1, March1.AddDays(3)), Alice)
            .Then(Booked("b1", Alice, March1, March1.AddDays(3)));
    }

    [Fact]
    public void Two_guests_racing_for_the_last_room_one_booked_one_waitlisted()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(1))])
            .When(Book("b2", March1, March1.AddDays(1)), Bob)
            .Then(Waitlisted("b2", Bob, March1, March1.AddDays(1)));
    }

    [Fact]
    public void One_full_night_in_the_middle_of_the_stay_waitlists_the_whole_request()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1.AddDays(2), March1.AddDays(3))])
            .When(Book("b2", March1, March1.AddDays(5)), Bob)
            .Then(Waitlisted("b2", Bob, March1, March1.AddDays(5)));
    }

    [Fact]
    public void Checking_out_on_the_day_another_guest_checks_in_needs_no_extra_room()
    {
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, March1, March1.AddDays(2))])
            .When(Book("b2", March1.AddDays(2), March1.AddDays(4)), Bob)
            .Then(Booked("b2", Bob, March1.AddDays(2), March1.AddDays(4)));
    }

    [Fact]
    public void Checking_out_the_same_day_as_checking_in_is_rejected()
    {
        var rejection = InventorySpec.Given(HotelWithCapacity(1)).When(Book("b1", March1, March1), Alice)
            .ThenRejected(ReasonCodes.CheckOutNotAfterCheckIn);

        Assert.Equal("payload.checkOut", rejection.Reasons[0].Field);
    }

    [Fact]
    public void Checking_out_before_checking_in_is_rejected()
    {
        InventorySpec.Given(HotelWithCapacity(1)).When(Book("b1", March1, March1.AddDays(-1)), Alice)
            .ThenRejected(ReasonCodes.CheckOutNotAfterCheckIn);
    }

    [Fact]
    public void A_stay_of_thirty_nights_is_booked()
    {
        InventorySpec.Given(HotelWithCapacity(1))
            .When(Book("b1", March1, March1.AddDays(30)), Alice)
            .Then(Booked("b1", Alice, March1, March1.AddDays(30)));
    }

    [Fact]
    public void A_stay_of_thirty_one_nights_is_rejected_as_too_long()
    {
        var rejection = InventorySpec.Given(HotelWithCapacity(1)).When(Book("b1", March1, March1.AddDays(31)), Alice)
            .ThenRejected(ReasonCodes.StayTooLong);

        Assert.Contains("31 nights", rejection.Reasons[0].Message);
    }

    [Fact]
    public void A_stay_over_a_leap_day_counts_february_29th_as_a_night()
    {
        var checkIn = Day(2028, 2, 28);
        var checkOut = Day(2028, 3, 1);

        Assert.Equal(2, new Stay(checkIn, checkOut).NightCount);
        InventorySpec.Given([.. HotelWithCapacity(1), Booked("b1", Alice, Day(2028, 2, 29), Day(2028, 3, 1))])
            .When(Book("b2", checkIn, checkOut), Bob)
            .Then(Waitlisted("b2", Bob, checkIn, checkOut));
    }

    [Fact]
    public void The_thirty_night_limit_counts_the_leap_day()
    {
        // Feb 1 to Mar 2 is 30 nights in a leap year but only 29 in other years.
        InventorySpec.Given(HotelWithCapacity(1)).When(Book("b1", Day(2028, 2, 1), Day(2028, 3, 2)), Alice)
            .Then(Booked("b1", Alice, Day(2028, 2, 1), Day(2028, 3, 2)));
        InventorySpec.Given(HotelWithCapacity(1)).When(Book("b1", Day(2028, 2, 1), Day(2028, 3, 3)), Alice)
            .ThenRejected(ReasonCodes.StayTooLong);
    }

    [Fact]
    public void Booking_at_an_unregistered_hotel_is_rejected_as_unknown_hotel()
    {
        InventorySpec.Given().When(Book("b1", March1, March1.AddDays(1)), Alice).ThenRejected(ReasonCodes.UnknownHotel);
    }

    [Fact]
    public void Booking_a_room_type_the_hotel_does_not_have_is_rejected_as_unknown_room_type()
    {
        InventorySpec.Given(HotelWithCapacity(1))
            .When(new InventoryCommands.BookRoom(HotelId, "penthouse", "b1", March1, March1.AddDays(1)), Alice)
            .ThenRejected(ReasonCodes.UnknownRoomType);
    }

    [Fact]
    public void Reusing_a_booking_id_is_rejected_even_for_other_dates()
    {
        InventorySpec.Given([.. HotelWithCapacity(3), Booked("b1", Alice, March1, March1.AddDays(1))])
            .When(Book("b1", March1.AddDays(5), March1.AddDays(6)), Bob)
            .ThenRejected(ReasonCodes.DuplicateBookingId);
    }

    [Fact]
    public void Other_room_types_of_the_same_hotel_do_not_share_rooms()
    {
        InventorySpec.Given(
                new HotelRegistered(HotelId, "Grand", [new RoomTypeSpec(RoomTypeId, 1), new RoomTypeSpec("suite", 1)]),
                new InventoryOpened(HotelId, RoomTypeId, 1),
                new InventoryOpened(HotelId, "suite", 1),
                Booked("b1", Alice, March1, March1.AddDays(1)))
            .When(new InventoryCommands.BookRoom(HotelId, "suite", "b2", March1, March1.AddDays(1)), Bob)
            .Then(new RoomBooked(HotelId, "suite", "b2", Bob.UserId, March1, March1.AddDays(1), false));
    }

    [Fact]
    public void A_check_in_before_yesterday_is_rejected()
    {
        InventorySpec.Given(HotelWithCapacity(1))
            .When(Book("b1", March1, March1.AddDays(1)), Alice, today: March1.AddDays(2))
            .ThenRejected(ReasonCodes.CheckInPassed);
    }

    [Fact]
    public void A_check_in_yesterday_is_still_booked_for_hotels_west_of_utc()
    {
        InventorySpec.Given(HotelWithCapacity(1))
            .When(Book("b1", March1, March1.AddDays(1)), Alice, today: March1.AddDays(1))
            .Then(Booked("b1", Alice, March1, March1.AddDays(1)));
    }
}
