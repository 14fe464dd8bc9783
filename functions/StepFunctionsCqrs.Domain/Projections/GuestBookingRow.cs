using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Guest bookings view row: one booking request of one guest.</summary>
public sealed record GuestBookingRow(
    string GuestId, string BookingId, string HotelId, string RoomTypeId,
    DateOnly CheckIn, DateOnly CheckOut, BookingStatus Status, bool FromWaitlist, long Version);
