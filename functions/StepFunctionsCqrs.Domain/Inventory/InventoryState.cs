using System.Collections.Immutable;
using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>One room type's inventory: capacity, every booking request, the FIFO waitlist and rooms held per night.</summary>
public sealed record InventoryState(
    string HotelId,
    string RoomTypeId,
    bool IsOpen,
    int Capacity,
    ImmutableDictionary<string, Booking> Bookings,
    ImmutableList<string> Waitlist,
    ImmutableSortedDictionary<DateOnly, int> HeldPerNight)
{
    /// <summary>An inventory that has not been opened.</summary>
    public static InventoryState Initial(string hotelId, string roomTypeId) =>
        new(hotelId, roomTypeId, false, 0, ImmutableDictionary<string, Booking>.Empty, [], ImmutableSortedDictionary<DateOnly, int>.Empty);

    /// <summary>Folds events in order.</summary>
    public static InventoryState Fold(InventoryState state, IEnumerable<IDomainEvent> events) =>
        events.Aggregate(state, (s, e) => s.Apply(e));

    /// <summary>Applies one event.</summary>
    public InventoryState Apply(IDomainEvent domainEvent) => domainEvent switch
    {
        InventoryOpened e => When(e),
        RoomBooked e => When(e),
        GuestWaitlisted e => When(e),
        BookingCancelled e => When(e),
        _ => throw new InvalidOperationException($"The inventory aggregate cannot apply {EventTypeNames.Of(domainEvent)}."),
    };

    /// <summary>Rooms still free on a night.</summary>
    public int RoomsLeft(DateOnly night) => Capacity - HeldPerNight.GetValueOrDefault(night);

    /// <summary>Whether every night of the stay has a free room.</summary>
    public bool Fits(Stay stay) => stay.Nights.All(night => RoomsLeft(night) > 0);

    private InventoryState When(InventoryOpened e) => this with { IsOpen = true, Capacity = e.Capacity };

    private InventoryState When(RoomBooked e) => this with
    {
        Bookings = Bookings.SetItem(e.BookingId, new Booking(e.BookingId, e.GuestId, new Stay(e.CheckIn, e.CheckOut), BookingStatus.Booked, e.FromWaitlist)),
        Waitlist = Waitlist.Remove(e.BookingId),
        HeldPerNight = Hold(new Stay(e.CheckIn, e.CheckOut), +1),
    };

    private InventoryState When(GuestWaitlisted e) => this with
    {
        Bookings = Bookings.SetItem(e.BookingId, new Booking(e.BookingId, e.GuestId, new Stay(e.CheckIn, e.CheckOut), BookingStatus.Waitlisted, false)),
        Waitlist = Waitlist.Add(e.BookingId),
    };

    private InventoryState When(BookingCancelled e)
    {
        var booking = Bookings[e.BookingId];
        return this with
        {
            Bookings = Bookings.SetItem(e.BookingId, booking with { Status = BookingStatus.Cancelled }),
            Waitlist = Waitlist.Remove(e.BookingId),
            HeldPerNight = booking.Status == BookingStatus.Booked ? Hold(booking.Stay, -1) : HeldPerNight,
        };
    }

    private ImmutableSortedDictionary<DateOnly, int> Hold(Stay stay, int delta)
    {
        var builder = HeldPerNight.ToBuilder();
        foreach (var night in stay.Nights)
        {
            builder[night] = builder.GetValueOrDefault(night) + delta;
        }

        return builder.ToImmutable();
    }
}
