using CsCheck;
using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Domain.Tests.Inventory;

/// <summary>
/// Random histories of bookings and cancellations over days that pass, decided twice: on the state folded from every
/// event (the oracle) and on a state closed now and then, with the closed bookings kept aside and recalled for the
/// command that names one. The two must never disagree, and the closed state must hold only what can still change.
/// </summary>
public sealed class ClosingModelTests
{
    private const string HotelId = "grand";
    private const string RoomTypeId = "double";
    private static readonly DateOnly Start = new(2027, 1, 10);
    private static readonly HotelState Hotel = HotelState.Fold(HotelState.Initial(HotelId),
        [new HotelRegistered(HotelId, "Grand", [new RoomTypeSpec(RoomTypeId, 1)])]);

    private abstract record Step(int DaysLater);

    private sealed record Book(int DaysLater, int Id, int Guest, int CheckInFromToday, int Nights) : Step(DaysLater);

    private sealed record Cancel(int DaysLater, int Id, int Actor) : Step(DaysLater);

    private sealed record Close(int DaysLater) : Step(DaysLater);

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 11], Gen.Int[0, 2], Gen.Int[-5, 5], Gen.Int[1, 6], (d, id, g, c, n) => (Step)new Book(d, id, g, c, n))),
        (3, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 11], Gen.Int[0, 3], (d, id, a) => (Step)new Cancel(d, id, a))),
        (1, Gen.Int[0, 3].Select(d => (Step)new Close(d))));

    [Fact]
    public void Decisions_on_a_closed_state_with_the_named_booking_recalled_are_the_decisions_on_the_whole_history()
    {
        Gen.Select(Gen.Int[1, 2], Steps.Array[1, 80]).Sample((capacity, steps) =>
        {
            var opened = new InventoryOpened(HotelId, RoomTypeId, capacity);
            var whole = InventoryState.Initial(HotelId, RoomTypeId).Apply(opened);
            var closed = whole;
            var kept = new Dictionary<string, Booking>(StringComparer.Ordinal);
            var today = Start;
            foreach (var step in steps)
            {
                today = today.AddDays(step.DaysLater);
                if (step is Close)
                {
                    (closed, var dropped) = closed.Close(StayRules.ClosingDay(today));
                    foreach (var booking in dropped)
                    {
                        Assert.True(kept.TryAdd(booking.BookingId, booking), $"{booking.BookingId} was closed twice.");
                    }

                    AssertHoldsOnlyWhatCanChange(closed, whole);
                    continue;
                }

                var (command, actor, bookingId) = Command(step, today);
                var onWhole = Decide(whole, command, actor, today);
                var onClosed = Decide(closed.MayHaveClosed(bookingId) && kept.TryGetValue(bookingId, out var recalled) ? closed.Recall(recalled) : closed,
                    command, actor, today);

                Assert.Equal(Describe(onWhole), Describe(onClosed));
                whole = InventoryState.Fold(whole, onWhole.Events);
                closed = InventoryState.Fold(closed, onClosed.Events);

                // A closed booking never changes again, so what was kept aside stays true.
                Assert.All(kept.Values, b => Assert.Equal(b, whole.Bookings[b.BookingId]));
            }
        }, iter: 10_000);
    }

    [Fact]
    public void Closing_again_on_an_earlier_day_never_reopens_what_was_closed()
    {
        var whole = InventoryState.Initial(HotelId, RoomTypeId).Apply(new InventoryOpened(HotelId, RoomTypeId, 1))
            .Apply(new RoomBooked(HotelId, RoomTypeId, "b1", "ann", Start, Start.AddDays(1), false));
        var (closed, dropped) = whole.Close(Start.AddDays(5));
        var (again, droppedAgain) = closed.Close(Start);

        Assert.Equal(["b1"], dropped.Select(b => b.BookingId));
        Assert.Empty(droppedAgain);
        Assert.Equal(Start.AddDays(5), again.ClosedBefore);
        Assert.Equal(1, again.ClosedCount);
    }

    private static void AssertHoldsOnlyWhatCanChange(InventoryState closed, InventoryState whole)
    {
        var day = closed.ClosedBefore!.Value;
        Assert.All(closed.Bookings.Values, b =>
        {
            Assert.NotEqual(BookingStatus.Cancelled, b.Status);
            Assert.True(b.Status == BookingStatus.Booked ? b.Stay.CheckOut > day : b.Stay.CheckIn >= day, $"{b} should have been closed before {day}.");
            Assert.Equal(whole.Bookings[b.BookingId], b);
        });
        Assert.All(closed.HeldPerNight, p =>
        {
            Assert.True(p.Key >= day);
            Assert.Equal(whole.HeldPerNight.GetValueOrDefault(p.Key), p.Value);
        });
        Assert.Equal(whole.Waitlist.Where(closed.Bookings.ContainsKey), closed.Waitlist);
        Assert.Equal(whole.Bookings.Count, closed.Bookings.Count + closed.ClosedCount);
    }

    private static (object Command, Actor Actor, string BookingId) Command(Step step, DateOnly today) => step switch
    {
        Book b => (new InventoryCommands.BookRoom(HotelId, RoomTypeId, $"b{b.Id}", today.AddDays(b.CheckInFromToday), today.AddDays(b.CheckInFromToday + b.Nights)),
            Guest(b.Guest), $"b{b.Id}"),
        Cancel c => (new InventoryCommands.CancelBooking(HotelId, RoomTypeId, $"b{c.Id}"), c.Actor == 3 ? new Actor("admin", true) : Guest(c.Actor), $"b{c.Id}"),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static Actor Guest(int n) => new($"guest-{n}", false);

    private static Decision Decide(InventoryState state, object command, Actor actor, DateOnly today) => command switch
    {
        InventoryCommands.BookRoom b => InventoryDecisions.BookRoom(Hotel, state, b, actor, today),
        InventoryCommands.CancelBooking c => InventoryDecisions.CancelBooking(Hotel, state, c, actor, today),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static string Describe(Decision decision) => decision.Rejection is { } rejection
        ? string.Join("; ", rejection.Reasons.Select(r => $"{r.Code} {r.Field}: {r.Message}"))
        : EventJson.Serialize(decision.Events);
}
