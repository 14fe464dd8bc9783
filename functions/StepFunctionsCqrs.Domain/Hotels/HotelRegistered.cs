using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Hotels;

/// <summary>A hotel was registered with its room types; each room type's inventory opens from this.</summary>
public sealed record HotelRegistered(string HotelId, string Name, IReadOnlyList<RoomTypeSpec> RoomTypes) : IDomainEvent;
