using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: each guest's bookings and waitlist entries.</summary>
public interface IGuestBookingsView : IProjectedView<GuestBookingRow>
{
    /// <summary>The guest's bookings ordered by hotel, room type and booking id; empty when there are none.</summary>
    Task<IReadOnlyList<GuestBookingRow>> ReadAsync(string guestId, CancellationToken cancellationToken);
}
