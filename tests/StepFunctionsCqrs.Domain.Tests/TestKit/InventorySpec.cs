using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Domain.Tests.TestKit;

/// <summary>Given past events, when a command is decided, then these events (or this rejection) follow.</summary>
public sealed class InventorySpec
{
    /// <summary>The date commands are decided on unless a spec says otherwise: before every stay the specs book.</summary>
    public static readonly DateOnly DefaultToday = new(2027, 1, 10);

    private readonly IReadOnlyList<IDomainEvent> history;
    private Decision? decision;

    private InventorySpec(IReadOnlyList<IDomainEvent> history) => this.history = history;

    /// <summary>Starts a spec from past events of any hotel or inventory, in order.</summary>
    public static InventorySpec Given(params IDomainEvent[] events) => new(events);

    /// <summary>Decides the command against the state folded from the history of the aggregates it targets.</summary>
    public InventorySpec When(object command, Actor actor) => When(command, actor, DefaultToday);

    /// <summary>Decides the command on <paramref name="today"/>.</summary>
    public InventorySpec When(object command, Actor actor, DateOnly today)
    {
        decision = command switch
        {
            InventoryCommands.RegisterHotel c => InventoryDecisions.RegisterHotel(Hotel(c.HotelId), c, actor),
            InventoryCommands.BookRoom c => InventoryDecisions.BookRoom(Hotel(c.HotelId), Inventory(c.HotelId, c.RoomTypeId), c, actor, today),
            InventoryCommands.CancelBooking c => InventoryDecisions.CancelBooking(Hotel(c.HotelId), Inventory(c.HotelId, c.RoomTypeId), c, actor, today),
            _ => throw new ArgumentException($"No decision for {command.GetType().Name}.", nameof(command)),
        };
        return this;
    }

    /// <summary>Asserts the command was accepted with exactly these events, in order.</summary>
    public void Then(params IDomainEvent[] expected)
    {
        var actual = Decided();
        if (actual.Rejection is { } rejection)
        {
            Assert.Fail($"Expected events but the command was rejected: {string.Join("; ", rejection.Reasons.Select(r => $"{r.Code}: {r.Message}"))}");
        }

        Assert.Equal(EventJson.Serialize(expected), EventJson.Serialize(actual.Events));
    }

    /// <summary>Asserts the command was rejected with exactly these reason codes, and that each reason has a message.</summary>
    public Rejection ThenRejected(params string[] codes)
    {
        var actual = Decided();
        Assert.False(actual.IsAccepted, $"Expected a rejection but got {string.Join(", ", actual.Events.Select(EventTypeNames.Of))}.");
        Assert.Equal(codes, actual.Rejection!.Reasons.Select(r => r.Code));
        Assert.All(actual.Rejection.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        return actual.Rejection;
    }

    private Decision Decided() => decision ?? throw new InvalidOperationException("Call When before Then.");

    private HotelState Hotel(string hotelId) =>
        HotelState.Fold(HotelState.Initial(hotelId), history.OfType<HotelRegistered>().Where(e => e.HotelId == hotelId));

    private InventoryState Inventory(string hotelId, string roomTypeId) =>
        InventoryState.Fold(InventoryState.Initial(hotelId, roomTypeId), history.Where(e => e switch
        {
            InventoryOpened o => o.HotelId == hotelId && o.RoomTypeId == roomTypeId,
            RoomBooked b => b.HotelId == hotelId && b.RoomTypeId == roomTypeId,
            GuestWaitlisted w => w.HotelId == hotelId && w.RoomTypeId == roomTypeId,
            BookingCancelled c => c.HotelId == hotelId && c.RoomTypeId == roomTypeId,
            _ => false,
        }));
}
