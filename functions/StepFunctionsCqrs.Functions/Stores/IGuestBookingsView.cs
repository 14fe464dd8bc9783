using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: each guest's bookings and waitlist entries.</summary>
public interface IGuestBookingsView
{
    /// <summary>Writes each row unless the view already holds that version or newer; returns how many landed.</summary>
    Task<int> ApplyAsync(IReadOnlyList<GuestBookingRow> rows, CancellationToken cancellationToken);

    /// <summary>The guest's bookings ordered by booking id; empty when there are none.</summary>
    Task<IReadOnlyList<GuestBookingRow>> ReadAsync(string guestId, CancellationToken cancellationToken);
}
