using System.Collections.Immutable;
using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>
/// One room type's inventory: capacity, the booking requests that can still change, the FIFO waitlist and rooms held per
/// night. Folding every event gives every booking ever made; <see cref="Close"/> drops those no command can change any
/// more, so the state a decider keeps grows with the open stays, not with the history.
/// </summary>
public sealed record InventoryState(
    string HotelId,
    string RoomTypeId,
    bool IsOpen,
    int Capacity,
    ImmutableDictionary<string, Booking> Bookings,
    ImmutableList<string> Waitlist,
    ImmutableSortedDictionary<DateOnly, int> HeldPerNight)
{
    /// <summary>The day before which nothing is held and no stay is kept; null while nothing was closed.</summary>
    public DateOnly? ClosedBefore { get; init; }

    /// <summary>How many bookings <see cref="Close"/> dropped; while 0, a booking id not in <see cref="Bookings"/> was never used.</summary>
    public long ClosedCount { get; init; }

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

    /// <summary>
    /// Whether a booking with this id may have been closed: the state cannot tell it from one never made, so a decision
    /// on it needs the closed booking back (<see cref="Recall"/>).
    /// </summary>
    public bool MayHaveClosed(string bookingId) => ClosedCount > 0 && !Bookings.ContainsKey(bookingId);

    /// <summary>The state with a closed booking back among the bookings, for deciding a command that names it.</summary>
    public InventoryState Recall(Booking closed) => this with { Bookings = Bookings.SetItem(closed.BookingId, closed) };

    /// <summary>
    /// Drops what no command can change any more: cancelled bookings, stays that ended on or before
    /// <paramref name="day"/>, waitlisted stays whose check-in is before it, and the nights before it. Every decision
    /// taken on a day whose <see cref="StayRules.ClosingDay"/> is <paramref name="day"/> or later is the same on the
    /// closed state, given the closed booking a command names (<see cref="Recall"/>). Returns the bookings dropped, which
    /// must be kept somewhere for that.
    /// </summary>
    public (InventoryState State, IReadOnlyList<Booking> Closed) Close(DateOnly day)
    {
        if (ClosedBefore is { } before && before > day)
        {
            day = before;
        }

        var closed = Bookings.Values.Where(b => IsClosed(b, day)).OrderBy(b => b.BookingId, StringComparer.Ordinal).ToList();
        var state = this with
        {
            Bookings = Bookings.RemoveRange(closed.Select(b => b.BookingId)),
            Waitlist = closed.Any(b => b.Status == BookingStatus.Waitlisted) ? Waitlist.RemoveAll(id => IsClosed(Bookings[id], day)) : Waitlist,
            HeldPerNight = HeldPerNight.RemoveRange(HeldPerNight.Keys.TakeWhile(night => night < day).ToList()),
            ClosedBefore = day,
            ClosedCount = ClosedCount + closed.Count,
        };
        return (state, closed);
    }

    private static bool IsClosed(Booking booking, DateOnly day) => booking.Status switch
    {
        BookingStatus.Cancelled => true,
        BookingStatus.Booked => booking.Stay.CheckOut <= day,
        _ => booking.Stay.CheckIn < day,
    };

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
        var booking = Bookings.TryGetValue(e.BookingId, out var known)
            ? known
            : throw new InvalidOperationException($"Booking '{e.BookingId}' of {HotelId}/{RoomTypeId} cannot be cancelled: the state does not hold it.");
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
        foreach (var night in stay.Nights.Where(n => ClosedBefore is not { } closed || n >= closed))
        {
            builder[night] = builder.GetValueOrDefault(night) + delta;
        }

        return builder.ToImmutable();
    }
}
