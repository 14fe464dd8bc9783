using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: guests arriving at a hotel on a date.</summary>
public interface IArrivalsView
{
    /// <summary>Writes each row unless the view already holds that version or newer; returns how many landed.</summary>
    Task<int> ApplyAsync(IReadOnlyList<ArrivalRow> rows, CancellationToken cancellationToken);

    /// <summary>Every row for the hotel and date, cancelled ones included.</summary>
    Task<IReadOnlyList<ArrivalRow>> ReadAsync(string hotelId, DateOnly date, CancellationToken cancellationToken);
}
