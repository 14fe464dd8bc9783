namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>The nights from check-in up to, not including, check-out.</summary>
public readonly record struct Stay(DateOnly CheckIn, DateOnly CheckOut)
{
    /// <summary>Number of nights; zero or negative when check-out is not after check-in.</summary>
    public int NightCount => CheckOut.DayNumber - CheckIn.DayNumber;

    /// <summary>Each night of the stay, in order.</summary>
    public IEnumerable<DateOnly> Nights
    {
        get
        {
            for (var night = CheckIn; night < CheckOut; night = night.AddDays(1))
            {
                yield return night;
            }
        }
    }
}
