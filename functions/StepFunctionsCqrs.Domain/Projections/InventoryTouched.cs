using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>The post-commit state of the nights and bookings a commit touched, so a view can overwrite rather than add.</summary>
public sealed record InventoryTouched(
    string HotelId,
    string RoomTypeId,
    int Capacity,
    IReadOnlyList<NightState> Nights,
    IReadOnlyList<BookingState> Bookings)
{
    /// <summary>Takes the touched keys' state from the inventory as it is after the events.</summary>
    public static InventoryTouched Of(InventoryState after, IEnumerable<Events.IDomainEvent> events)
    {
        var nights = new SortedSet<DateOnly>();
        var bookingIds = new List<string>();
        foreach (var domainEvent in events)
        {
            var bookingId = domainEvent switch
            {
                RoomBooked e => e.BookingId,
                GuestWaitlisted e => e.BookingId,
                BookingCancelled e => e.BookingId,
                _ => null,
            };
            if (bookingId is null || bookingIds.Contains(bookingId))
            {
                continue;
            }

            bookingIds.Add(bookingId);
            var booking = after.Bookings[bookingId];
            if (domainEvent is not GuestWaitlisted)
            {
                nights.UnionWith(booking.Stay.Nights);
            }
        }

        return new InventoryTouched(
            after.HotelId,
            after.RoomTypeId,
            after.Capacity,
            [.. nights.Select(n => new NightState(n, after.HeldPerNight.GetValueOrDefault(n), after.RoomsLeft(n)))],
            [.. bookingIds.Select(id => BookingState.Of(after.Bookings[id]))]);
    }
}
