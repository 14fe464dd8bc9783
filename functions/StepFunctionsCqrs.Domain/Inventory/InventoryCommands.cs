using StepFunctionsCqrs.Domain.Hotels;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>The task-based commands of hotel inventory.</summary>
public static class InventoryCommands
{
    /// <summary>Admin: register a hotel and open one inventory per room type.</summary>
    public sealed record RegisterHotel(string HotelId, string Name, IReadOnlyList<RoomTypeSpec> RoomTypes);

    /// <summary>Guest: book a room type for the nights [CheckIn, CheckOut); the booking id is chosen by the client.</summary>
    public sealed record BookRoom(string HotelId, string RoomTypeId, string BookingId, DateOnly CheckIn, DateOnly CheckOut);

    /// <summary>Owner or admin: cancel a booking or waitlist entry.</summary>
    public sealed record CancelBooking(string HotelId, string RoomTypeId, string BookingId);
}
