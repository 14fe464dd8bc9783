using System.Collections.Immutable;
using System.Text.Json;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Json;

namespace StepFunctionsCqrs.Functions.Snapshots;

/// <summary>
/// Writes an inventory's state as a snapshot and reads it back. A snapshot of another schema, or one that does not
/// describe a consistent inventory of the expected aggregate, is refused rather than misread: the caller then folds the
/// commit log instead.
/// </summary>
public static class InventorySnapshotCodec
{
    /// <summary>The shape written now; raise it whenever <see cref="InventoryState"/> changes shape.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The snapshot of <paramref name="state"/> as of <paramref name="version"/>.</summary>
    public static StoredSnapshot Encode(string aggregateId, long version, InventoryState state)
    {
        var shape = new Shape(
            state.HotelId,
            state.RoomTypeId,
            state.IsOpen,
            state.Capacity,
            [.. state.Bookings.Values.OrderBy(b => b.BookingId, StringComparer.Ordinal)
                .Select(b => new BookingShape(b.BookingId, b.GuestId, b.Stay.CheckIn, b.Stay.CheckOut, b.Status, b.FromWaitlist))],
            [.. state.Waitlist],
            state.HeldPerNight.ToDictionary(p => p.Key, p => p.Value),
            state.ClosedBefore,
            state.ClosedCount);
        return new StoredSnapshot(aggregateId, version, SchemaVersion, JsonSerializer.Serialize(shape, HandlerJson.Options));
    }

    /// <summary>The state in the snapshot, or why it cannot be used.</summary>
    public static (InventoryState? State, string? Problem) Decode(StoredSnapshot snapshot, string hotelId, string roomTypeId)
    {
        if (snapshot.SchemaVersion != SchemaVersion)
        {
            return (null, $"schema version {snapshot.SchemaVersion} is not the current {SchemaVersion}");
        }

        Shape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<Shape>(snapshot.State, HandlerJson.Options);
        }
        catch (JsonException e)
        {
            return (null, $"the state is not valid JSON of schema {SchemaVersion}: {e.Message}");
        }

        return shape is null ? (null, "the state is empty") : Check(shape, hotelId, roomTypeId);
    }

    private static (InventoryState? State, string? Problem) Check(Shape shape, string hotelId, string roomTypeId)
    {
        if (shape.HotelId != hotelId || shape.RoomTypeId != roomTypeId)
        {
            return (null, $"it describes {shape.HotelId}/{shape.RoomTypeId}, not {hotelId}/{roomTypeId}");
        }

        if (shape.Bookings is null || shape.Waitlist is null || shape.HeldPerNight is null || shape.Capacity < 0 || shape.ClosedCount < 0
            || (shape.ClosedCount > 0 && shape.ClosedBefore is null))
        {
            return (null, "a field is missing or out of range");
        }

        var bookings = ImmutableDictionary.CreateBuilder<string, Booking>(StringComparer.Ordinal);
        foreach (var b in shape.Bookings)
        {
            if (b?.BookingId is null || b.GuestId is null || !Enum.IsDefined(b.Status) || !bookings.TryAdd(b.BookingId, new Booking(b.BookingId, b.GuestId, new Stay(b.CheckIn, b.CheckOut), b.Status, b.FromWaitlist)))
            {
                return (null, "a booking is incomplete or listed twice");
            }
        }

        if (shape.Waitlist.Any(id => id is null || !bookings.TryGetValue(id, out var waiting) || waiting.Status != BookingStatus.Waitlisted))
        {
            return (null, "the waitlist names a booking that is not waitlisted");
        }

        // The nights held must be exactly what the booked stays hold from the closing day on, so a damaged count cannot
        // overbook a night.
        var held = new Dictionary<DateOnly, int>();
        foreach (var booking in bookings.Values.Where(b => b.Status == BookingStatus.Booked))
        {
            foreach (var night in booking.Stay.Nights.Where(n => shape.ClosedBefore is not { } closed || n >= closed))
            {
                held[night] = held.GetValueOrDefault(night) + 1;
            }
        }

        if (held.Count != shape.HeldPerNight.Count(p => p.Value != 0) || held.Any(p => shape.HeldPerNight.GetValueOrDefault(p.Key) != p.Value))
        {
            return (null, "the nights held do not match the booked stays");
        }

        return (new InventoryState(shape.HotelId, shape.RoomTypeId, shape.IsOpen, shape.Capacity, bookings.ToImmutable(), [.. shape.Waitlist.OfType<string>()],
            shape.HeldPerNight.ToImmutableSortedDictionary()) { ClosedBefore = shape.ClosedBefore, ClosedCount = shape.ClosedCount }, null);
    }

    private sealed record Shape(
        string HotelId, string RoomTypeId, bool IsOpen, int Capacity, IReadOnlyList<BookingShape?>? Bookings, IReadOnlyList<string?>? Waitlist,
        Dictionary<DateOnly, int>? HeldPerNight, DateOnly? ClosedBefore, long ClosedCount);

    private sealed record BookingShape(string? BookingId, string? GuestId, DateOnly CheckIn, DateOnly CheckOut, BookingStatus Status, bool FromWaitlist);
}
