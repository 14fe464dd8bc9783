namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>One booking request in an inventory, whatever became of it.</summary>
public sealed record Booking(string BookingId, string GuestId, Stay Stay, BookingStatus Status, bool FromWaitlist);
