using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: rooms left by hotel, room type and night.</summary>
public interface IAvailabilityView : IProjectedView<AvailabilityRow>
{
    /// <summary>Every night in [from, to), or null when the room type was never opened.</summary>
    Task<AvailabilityCalendar?> ReadAsync(string hotelId, string roomTypeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
