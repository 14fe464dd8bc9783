using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>A booking or waitlist entry was cancelled; its nights, if held, are free again.</summary>
public sealed record BookingCancelled(
    string HotelId, string RoomTypeId, string BookingId, string GuestId, string CancelledBy) : IDomainEvent;
