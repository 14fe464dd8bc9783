namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Availability view row: rooms left on one night, or, with no date, the room type's capacity (the default for nights nobody booked).</summary>
public sealed record AvailabilityRow(string HotelId, string RoomTypeId, DateOnly? Date, int Capacity, int RoomsLeft, long Version);
