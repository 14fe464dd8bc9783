using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Tests.TestKit;

/// <summary>A small hotel and its people, shared by the specs.</summary>
public static class Sample
{
    public const string HotelId = "grand";
    public const string RoomTypeId = "double";

    public static readonly Actor Admin = new("admin-1", IsAdmin: true);
    public static readonly Actor Alice = new("alice", IsAdmin: false);
    public static readonly Actor Bob = new("bob", IsAdmin: false);
    public static readonly Actor Carol = new("carol", IsAdmin: false);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static readonly DateOnly March1 = Day(2027, 3, 1);

    /// <summary>The hotel registered with the given double-room capacity, and its inventory opened.</summary>
    public static IDomainEvent[] HotelWithCapacity(int capacity) =>
    [
        new HotelRegistered(HotelId, "Grand", [new RoomTypeSpec(RoomTypeId, capacity)]),
        new InventoryOpened(HotelId, RoomTypeId, capacity),
    ];

    public static InventoryCommands.BookRoom Book(string bookingId, DateOnly checkIn, DateOnly checkOut) =>
        new(HotelId, RoomTypeId, bookingId, checkIn, checkOut);

    public static RoomBooked Booked(string bookingId, Actor guest, DateOnly checkIn, DateOnly checkOut, bool fromWaitlist = false) =>
        new(HotelId, RoomTypeId, bookingId, guest.UserId, checkIn, checkOut, fromWaitlist);

    public static GuestWaitlisted Waitlisted(string bookingId, Actor guest, DateOnly checkIn, DateOnly checkOut) =>
        new(HotelId, RoomTypeId, bookingId, guest.UserId, checkIn, checkOut);
}
