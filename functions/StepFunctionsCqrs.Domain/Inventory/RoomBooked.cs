using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>A room was held for every night of the stay, either directly or by promotion from the waitlist.</summary>
public sealed record RoomBooked(
    string HotelId, string RoomTypeId, string BookingId, string GuestId,
    DateOnly CheckIn, DateOnly CheckOut, bool FromWaitlist) : IDomainEvent;
