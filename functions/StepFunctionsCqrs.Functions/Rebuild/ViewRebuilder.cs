using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Rebuild;

/// <summary>
/// Rebuilds the read views from the commit log by feeding every commit, per aggregate in version order, to the same
/// projections the workflow runs. View writes are version-guarded, so a replay over intact views changes nothing.
/// </summary>
public sealed class ViewRebuilder(IAvailabilityView availability, IGuestBookingsView guestBookings, IArrivalsView arrivals)
{
    /// <summary>Replays the commits; aggregates are independent, so a few are replayed at once.</summary>
    public async Task<ReplaySummary> ReplayAsync(IReadOnlyList<StoredCommit> commits, int parallelism, IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        var aggregates = commits.GroupBy(c => c.AggregateId, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var done = 0;
        var offered = 0;
        var written = 0;
        await Parallel.ForEachAsync(aggregates, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (aggregateCommits, ct) =>
            {
                foreach (var change in ChangeHistory.Of(aggregateCommits[0].AggregateId, aggregateCommits.OrderBy(c => c.Version).Select(c => (c.Version, c.Events))))
                {
                    var availabilityRows = AvailabilityProjection.Project(change);
                    var guestRows = GuestBookingsProjection.Project(change);
                    var arrivalRows = ArrivalsProjection.Project(change);
                    var landed = await availability.ApplyAsync(availabilityRows, ct).ConfigureAwait(false)
                        + await guestBookings.ApplyAsync(guestRows, ct).ConfigureAwait(false)
                        + await arrivals.ApplyAsync(arrivalRows, ct).ConfigureAwait(false);
                    Interlocked.Add(ref offered, availabilityRows.Count + guestRows.Count + arrivalRows.Count);
                    var totalWritten = Interlocked.Add(ref written, landed);
                    progress?.Report(new ReplayProgress(Interlocked.Increment(ref done), commits.Count, totalWritten));
                }
            }).ConfigureAwait(false);

        return new ReplaySummary(commits.Count, aggregates.Count, offered, written);
    }
}
