namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Commit → guest bookings rows (guest → their bookings and waitlist entries).</summary>
public static class GuestBookingsProjection
{
    /// <summary>The rows to write for one change.</summary>
    public static IReadOnlyList<GuestBookingRow> Project(AggregateChange change) =>
        change.Inventory is not { } touched
            ? []
            : [.. touched.Bookings.Select(b => new GuestBookingRow(
                b.GuestId, b.BookingId, touched.HotelId, touched.RoomTypeId, b.CheckIn, b.CheckOut, b.Status, b.FromWaitlist, change.Version))];
}
