using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>Rules on a stay that need no state, so they can be checked before anything is loaded.</summary>
public static class StayRules
{
    /// <summary>The longest stay one booking may cover.</summary>
    public const int MaxNights = 30;

    /// <summary>
    /// The earliest check-in a booking may have, and a stay must have to be cancelled or promoted: yesterday in UTC, so a
    /// hotel west of UTC still takes bookings for its own today.
    /// </summary>
    public static DateOnly EarliestCheckIn(DateOnly today) => today.AddDays(-1);

    /// <summary>
    /// The day before which stays are closed (<see cref="InventoryState.Close"/>): two days before the earliest check-in,
    /// so a decider whose clock is up to two days behind still never meets a stay that was closed.
    /// </summary>
    public static DateOnly ClosingDay(DateOnly today) => EarliestCheckIn(today).AddDays(-2);

    /// <summary>Whether the stay's check-in has not passed: it can still be booked, cancelled or promoted.</summary>
    public static bool IsOpen(Stay stay, DateOnly today) => stay.CheckIn >= EarliestCheckIn(today);

    /// <summary>Every problem with the stay; empty when it is acceptable.</summary>
    public static IReadOnlyList<Reason> Check(Stay stay, string checkInField = "payload.checkIn", string checkOutField = "payload.checkOut")
    {
        if (stay.NightCount < 1)
        {
            return [new Reason(ReasonCodes.CheckOutNotAfterCheckIn,
                $"Check-out {stay.CheckOut:yyyy-MM-dd} must be at least one day after check-in {stay.CheckIn:yyyy-MM-dd}.", checkOutField)];
        }

        if (stay.NightCount > MaxNights)
        {
            return [new Reason(ReasonCodes.StayTooLong,
                $"The stay from {stay.CheckIn:yyyy-MM-dd} to {stay.CheckOut:yyyy-MM-dd} is {stay.NightCount} nights; at most {MaxNights} are allowed.", checkOutField)];
        }

        return [];
    }
}
