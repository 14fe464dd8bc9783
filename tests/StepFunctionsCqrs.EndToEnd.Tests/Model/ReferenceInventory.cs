namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// An independent, deliberately plain model of one room type's inventory (lists and a night count, not the domain's
/// state): fed the committed commands in commit order, it says which events each commit must carry.
/// </summary>
public sealed class ReferenceInventory(int capacity)
{
    private readonly List<Entry> bookings = [];
    private readonly List<string> waitlist = [];
    private readonly Dictionary<DateOnly, int> held = [];

    /// <summary>The events a booking must produce, or why it should not have been committed.</summary>
    public (IReadOnlyList<string> Events, string? Problem) Book(string bookingId, string guest, DateOnly checkIn, DateOnly checkOut)
    {
        if (bookings.Any(b => b.BookingId == bookingId))
        {
            return ([], $"booking id {bookingId} was already used in this inventory, so the booking should have been rejected");
        }

        var entry = new Entry(bookingId, guest, checkIn, checkOut);
        bookings.Add(entry);
        if (Fits(entry))
        {
            Hold(entry, +1);
            entry.Status = "Booked";
            return ([$"Booked {bookingId} for {guest}"], null);
        }

        entry.Status = "Waitlisted";
        waitlist.Add(bookingId);
        return ([$"Waitlisted {bookingId} for {guest}"], null);
    }

    /// <summary>The events a cancellation must produce (the cancel, then each promotion in waitlist order), or why it should not have been committed.</summary>
    public (IReadOnlyList<string> Events, string? Problem) Cancel(string bookingId, string actor, bool actorIsAdmin)
    {
        var entry = bookings.FirstOrDefault(b => b.BookingId == bookingId);
        if (entry is null)
        {
            return ([], $"there is no booking {bookingId}, so the cancellation should have been rejected");
        }

        if (entry.Guest != actor && !actorIsAdmin)
        {
            return ([], $"{actor} does not own {bookingId} (its guest is {entry.Guest}), so the cancellation should have been rejected");
        }

        if (entry.Status == "Cancelled")
        {
            return ([], $"{bookingId} was already cancelled, so the cancellation should have been rejected");
        }

        var events = new List<string> { $"Cancelled {bookingId}" };
        if (entry.Status == "Booked")
        {
            Hold(entry, -1);
        }

        entry.Status = "Cancelled";
        waitlist.Remove(bookingId);

        // Oldest first; a request that still does not fit keeps its place and a younger one that fits may pass it.
        foreach (var waitingId in waitlist.ToList())
        {
            var waiting = bookings.First(b => b.BookingId == waitingId);
            if (Fits(waiting))
            {
                Hold(waiting, +1);
                waiting.Status = "Booked";
                waitlist.Remove(waitingId);
                events.Add($"Promoted {waitingId} for {waiting.Guest}");
            }
        }

        return (events, null);
    }

    private bool Fits(Entry entry) => Nights(entry).All(n => held.GetValueOrDefault(n) < capacity);

    private void Hold(Entry entry, int delta)
    {
        foreach (var night in Nights(entry))
        {
            held[night] = held.GetValueOrDefault(night) + delta;
        }
    }

    private static IEnumerable<DateOnly> Nights(Entry entry)
    {
        for (var night = entry.CheckIn; night < entry.CheckOut; night = night.AddDays(1))
        {
            yield return night;
        }
    }

    private sealed class Entry(string bookingId, string guest, DateOnly checkIn, DateOnly checkOut)
    {
        public string BookingId { get; } = bookingId;

        public string Guest { get; } = guest;

        public DateOnly CheckIn { get; } = checkIn;

        public DateOnly CheckOut { get; } = checkOut;

        public string Status { get; set; } = "New";
    }
}
