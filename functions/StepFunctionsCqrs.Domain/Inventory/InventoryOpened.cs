using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>A room type's inventory started accepting bookings with the given nightly capacity.</summary>
public sealed record InventoryOpened(string HotelId, string RoomTypeId, int Capacity) : IDomainEvent;
