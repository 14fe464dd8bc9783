using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>Decides inventory commands: guards first, then the events.</summary>
public static class InventoryDecisions
{
    /// <summary>Largest nightly capacity one room type may have.</summary>
    public const int MaxCapacity = 10_000;

    /// <summary>Registers a hotel. The room types' inventories are opened from the resulting event by <see cref="OpenInventories"/>.</summary>
    public static Decision RegisterHotel(HotelState hotel, InventoryCommands.RegisterHotel command, Actor actor)
    {
        if (!actor.IsAdmin)
        {
            return Decision.Reject(ReasonCodes.NotAdmin, $"Only an admin may register a hotel; user '{actor.UserId}' is not one.");
        }

        if (hotel.IsRegistered)
        {
            return Decision.Reject(ReasonCodes.HotelAlreadyRegistered, $"Hotel '{command.HotelId}' is already registered.", "payload.hotelId");
        }

        var reasons = CheckRoomTypes(command.RoomTypes);
        return reasons.Count > 0
            ? Decision.Reject(new Rejection(reasons))
            : Decision.Accept([new HotelRegistered(command.HotelId, command.Name, command.RoomTypes)]);
    }

    /// <summary>Every problem with a hotel's room type list (stateless, so validation can use it too).</summary>
    public static IReadOnlyList<Reason> CheckRoomTypes(IReadOnlyList<RoomTypeSpec> roomTypes)
    {
        if (roomTypes.Count == 0)
        {
            return [new Reason(ReasonCodes.NoRoomTypes, "A hotel needs at least one room type.", "payload.roomTypes")];
        }

        var reasons = new List<Reason>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < roomTypes.Count; i++)
        {
            var roomType = roomTypes[i];
            if (!seen.Add(roomType.RoomTypeId))
            {
                reasons.Add(new Reason(ReasonCodes.DuplicateRoomType, $"Room type '{roomType.RoomTypeId}' is listed more than once.", $"payload.roomTypes[{i}].roomTypeId"));
            }

            if (roomType.Capacity is < 1 or > MaxCapacity)
            {
                reasons.Add(new Reason(ReasonCodes.InvalidCapacity,
                    $"Room type '{roomType.RoomTypeId}' has capacity {roomType.Capacity}; it must be between 1 and {MaxCapacity}.", $"payload.roomTypes[{i}].capacity"));
            }
        }

        return reasons;
    }

    /// <summary>The opening event of each room type's inventory, in the registration's order.</summary>
    public static IReadOnlyList<InventoryOpened> OpenInventories(HotelRegistered registered) =>
        [.. registered.RoomTypes.Select(r => new InventoryOpened(registered.HotelId, r.RoomTypeId, r.Capacity))];

    /// <summary>Books every night of the stay if each has a free room, otherwise waitlists the request.</summary>
    /// <param name="hotel">The hotel, consulted only to tell an unknown hotel from an unknown room type.</param>
    /// <param name="inventory">The inventory, holding the booking the command names even if it was closed (<see cref="InventoryState.Recall"/>).</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">The guest booking.</param>
    /// <param name="today">The UTC date of the decision: a check-in before <see cref="StayRules.EarliestCheckIn"/> is refused.</param>
    public static Decision BookRoom(HotelState hotel, InventoryState inventory, InventoryCommands.BookRoom command, Actor actor, DateOnly today)
    {
        var stay = new Stay(command.CheckIn, command.CheckOut);
        var stayReasons = StayRules.Check(stay);
        if (stayReasons.Count > 0)
        {
            return Decision.Reject(new Rejection(stayReasons));
        }

        if (!StayRules.IsOpen(stay, today))
        {
            return Decision.Reject(ReasonCodes.CheckInPassed,
                $"Check-in {stay.CheckIn:yyyy-MM-dd} has passed; the earliest check-in now is {StayRules.EarliestCheckIn(today):yyyy-MM-dd}.", "payload.checkIn");
        }

        if (NotOpen(hotel, inventory, command.HotelId, command.RoomTypeId) is { } notOpen)
        {
            return Decision.Reject(notOpen);
        }

        if (inventory.Bookings.ContainsKey(command.BookingId))
        {
            return Decision.Reject(ReasonCodes.DuplicateBookingId,
                $"Booking id '{command.BookingId}' is already used for room type '{command.RoomTypeId}' at hotel '{command.HotelId}'.", "payload.bookingId");
        }

        IDomainEvent outcome = inventory.Fits(stay)
            ? new RoomBooked(command.HotelId, command.RoomTypeId, command.BookingId, actor.UserId, command.CheckIn, command.CheckOut, FromWaitlist: false)
            : new GuestWaitlisted(command.HotelId, command.RoomTypeId, command.BookingId, actor.UserId, command.CheckIn, command.CheckOut);
        return Decision.Accept([outcome]);
    }

    /// <summary>
    /// Cancels a booking whose check-in has not passed, then promotes waitlisted requests that now fit and whose check-in
    /// has not passed either, oldest first.
    /// </summary>
    /// <param name="hotel">The hotel, consulted only to tell an unknown hotel from an unknown room type.</param>
    /// <param name="inventory">The inventory, holding the booking the command names even if it was closed (<see cref="InventoryState.Recall"/>).</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">The guest or admin cancelling.</param>
    /// <param name="today">The UTC date of the decision.</param>
    public static Decision CancelBooking(HotelState hotel, InventoryState inventory, InventoryCommands.CancelBooking command, Actor actor, DateOnly today)
    {
        if (NotOpen(hotel, inventory, command.HotelId, command.RoomTypeId) is { } notOpen)
        {
            return Decision.Reject(notOpen);
        }

        if (!inventory.Bookings.TryGetValue(command.BookingId, out var booking))
        {
            return Decision.Reject(ReasonCodes.UnknownBooking,
                $"No booking '{command.BookingId}' exists for room type '{command.RoomTypeId}' at hotel '{command.HotelId}'.", "payload.bookingId");
        }

        if (booking.GuestId != actor.UserId && !actor.IsAdmin)
        {
            return Decision.Reject(ReasonCodes.NotBookingOwner,
                $"Booking '{command.BookingId}' belongs to another guest; only its guest or an admin may cancel it.", "payload.bookingId");
        }

        if (booking.Status == BookingStatus.Cancelled)
        {
            return Decision.Reject(ReasonCodes.BookingAlreadyCancelled, $"Booking '{command.BookingId}' is already cancelled.", "payload.bookingId");
        }

        if (!StayRules.IsOpen(booking.Stay, today))
        {
            return Decision.Reject(ReasonCodes.StayStarted,
                $"Booking '{command.BookingId}' checks in on {booking.Stay.CheckIn:yyyy-MM-dd}, which has passed; a stay cannot be cancelled once its check-in has.", "payload.bookingId");
        }

        var cancelled = new BookingCancelled(command.HotelId, command.RoomTypeId, command.BookingId, booking.GuestId, actor.UserId);
        var events = new List<IDomainEvent> { cancelled };
        var state = inventory.Apply(cancelled);
        foreach (var waitingId in state.Waitlist)
        {
            var waiting = state.Bookings[waitingId];
            if (StayRules.IsOpen(waiting.Stay, today) && state.Fits(waiting.Stay))
            {
                var promoted = new RoomBooked(command.HotelId, command.RoomTypeId, waiting.BookingId, waiting.GuestId,
                    waiting.Stay.CheckIn, waiting.Stay.CheckOut, FromWaitlist: true);
                events.Add(promoted);
                state = state.Apply(promoted);
            }
        }

        return Decision.Accept(events);
    }

    private static Rejection? NotOpen(HotelState hotel, InventoryState inventory, string hotelId, string roomTypeId)
    {
        if (inventory.IsOpen)
        {
            return null;
        }

        if (!hotel.IsRegistered)
        {
            return Rejection.Because(ReasonCodes.UnknownHotel, $"No hotel '{hotelId}' is registered.", "payload.hotelId");
        }

        return Rejection.Because(ReasonCodes.UnknownRoomType, $"Hotel '{hotelId}' has no room type '{roomTypeId}'.", "payload.roomTypeId");
    }
}
