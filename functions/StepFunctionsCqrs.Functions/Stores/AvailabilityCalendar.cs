namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Rooms left per night over a date range for one room type of one hotel.</summary>
public sealed record AvailabilityCalendar(string HotelId, string RoomTypeId, int Capacity, IReadOnlyList<NightAvailability> Nights);

/// <summary>Rooms left on one night.</summary>
public sealed record NightAvailability(DateOnly Date, int RoomsLeft);
