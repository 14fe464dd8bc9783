using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: rooms left by hotel, room type and night.</summary>
public interface IAvailabilityView
{
    /// <summary>Writes each row unless the view already holds that version or newer; returns how many landed.</summary>
    Task<int> ApplyAsync(IReadOnlyList<AvailabilityRow> rows, CancellationToken cancellationToken);

    /// <summary>Every night in [from, to), or null when the room type was never opened.</summary>
    Task<AvailabilityCalendar?> ReadAsync(string hotelId, string roomTypeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
