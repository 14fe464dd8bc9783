using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Rebuild;

/// <summary>
/// Rebuilds the availability, guest bookings and arrivals views from the commit log. The writes are version-guarded,
/// so running it over live views only fills gaps; running it over empty tables recreates them.
/// </summary>
public sealed class ViewRebuilder(ICommitLog commitLog, IAvailabilityView availability, IGuestBookingsView guestBookings, IArrivalsView arrivals)
{
    /// <summary>Replays every commit into every view; returns how many commits were replayed.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var commits = await commitLog.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        foreach (var aggregate in commits.GroupBy(c => c.AggregateId))
        {
            foreach (var change in ChangeHistory.Of(aggregate.Key, aggregate.Select(c => (c.Version, c.Events))))
            {
                await availability.ApplyAsync(AvailabilityProjection.Project(change), cancellationToken).ConfigureAwait(false);
                await guestBookings.ApplyAsync(GuestBookingsProjection.Project(change), cancellationToken).ConfigureAwait(false);
                await arrivals.ApplyAsync(ArrivalsProjection.Project(change), cancellationToken).ConfigureAwait(false);
            }
        }

        return commits.Count;
    }
}
