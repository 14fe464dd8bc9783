using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>Some night of the stay was full, so the request joined the waitlist (a business outcome, not an error).</summary>
public sealed record GuestWaitlisted(
    string HotelId, string RoomTypeId, string BookingId, string GuestId,
    DateOnly CheckIn, DateOnly CheckOut) : IDomainEvent;
