using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Commit → arrivals rows (hotel and check-in date → guests). Waitlisted requests are not arrivals.</summary>
public static class ArrivalsProjection
{
    /// <summary>The rows to write for one change.</summary>
    public static IReadOnlyList<ArrivalRow> Project(AggregateChange change) =>
        change.Inventory is not { } touched
            ? []
            : [.. touched.Bookings
                .Where(b => b.Status != BookingStatus.Waitlisted)
                .Select(b => new ArrivalRow(
                    touched.HotelId, b.CheckIn, b.BookingId, b.GuestId, touched.RoomTypeId, b.CheckOut,
                    b.Status == BookingStatus.Booked ? ArrivalStatus.Expected : ArrivalStatus.Cancelled, change.Version))];
}
