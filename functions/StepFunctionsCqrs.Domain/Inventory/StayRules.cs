using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>Rules on a stay that need no state, so they can be checked before anything is loaded.</summary>
public static class StayRules
{
    /// <summary>The longest stay one booking may cover.</summary>
    public const int MaxNights = 30;

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
