using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>A booking as the views show it.</summary>
public sealed record BookingState(
    string BookingId, string GuestId, DateOnly CheckIn, DateOnly CheckOut, BookingStatus Status, bool FromWaitlist)
{
    /// <summary>The view form of a booking.</summary>
    public static BookingState Of(Booking booking) =>
        new(booking.BookingId, booking.GuestId, booking.Stay.CheckIn, booking.Stay.CheckOut, booking.Status, booking.FromWaitlist);
}
