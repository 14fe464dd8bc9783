namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Arrivals view row: a guest arriving at a hotel on a date.</summary>
public sealed record ArrivalRow(
    string HotelId, DateOnly Date, string BookingId, string GuestId, string RoomTypeId, DateOnly CheckOut, ArrivalStatus Status, long Version);
