namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Whether an arrival is still expected.</summary>
public enum ArrivalStatus
{
    /// <summary>The guest holds a room from this date.</summary>
    Expected,
    /// <summary>The booking was cancelled; kept so an older, replayed commit cannot bring it back.</summary>
    Cancelled,
}
