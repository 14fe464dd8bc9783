using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: guests arriving at a hotel on a date.</summary>
public interface IArrivalsView : IProjectedView<ArrivalRow>
{
    /// <summary>Every row for the hotel and date, cancelled ones included.</summary>
    Task<IReadOnlyList<ArrivalRow>> ReadAsync(string hotelId, DateOnly date, CancellationToken cancellationToken);
}
