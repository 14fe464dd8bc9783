using StepFunctionsCqrs.Cli.Replay;
using StepFunctionsCqrs.Cli.Tests.TestKit;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Rebuild;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Tests.Replay;

[Collection(DynaliteCollection.Name)]
public sealed class CommitLogReplayTests(DynaliteServer dynalite)
{
    private static readonly DateOnly May1 = new(2027, 5, 1);

    private async Task<TableNames> HistoryWithWaitlistAndPromotionAsync()
    {
        var tables = await dynalite.CreateTablesAsync();
        var history = new PersistedHistory(dynalite.Client, tables);
        await history.RegisterAsync("grand", "double", 2);
        await history.RegisterAsync("inn", "single", 1);
        await history.BookAsync("grand", "double", "ann", "bk-1", May1, 2);
        await history.BookAsync("grand", "double", "bob", "bk-2", May1, 3);
        await history.BookAsync("grand", "double", "cid", "bk-3", May1, 1);
        await history.BookAsync("grand", "double", "dee", "bk-4", May1.AddDays(1), 1);
        await history.BookAsync("inn", "single", "ann", "bk-5", May1, 1);
        await history.CancelAsync("grand", "double", "ann", "bk-1");
        return tables;
    }

    private ViewRebuilder Rebuilder(TableNames tables) => new(
        new DynamoDbAvailabilityView(dynalite.Client, tables.Availability),
        new DynamoDbGuestBookingsView(dynalite.Client, tables.GuestBookings),
        new DynamoDbArrivalsView(dynalite.Client, tables.Arrivals));

    private async Task<IReadOnlyList<string>[]> ViewsAsync(TableNames tables) =>
    [
        await TableSnapshot.TakeAsync(dynalite.Client, tables.Availability),
        await TableSnapshot.TakeAsync(dynalite.Client, tables.GuestBookings),
        await TableSnapshot.TakeAsync(dynalite.Client, tables.Arrivals),
    ];

    private async Task RecreateViewsAsync(TableNames tables)
    {
        foreach (var table in new[] { tables.Availability, tables.GuestBookings, tables.Arrivals })
        {
            await dynalite.Client.DeleteTableAsync(table);
        }

        await new TableCreator(dynalite.Client).CreateAllAsync(tables, CancellationToken.None);
    }

    [Fact]
    public async Task Dropped_views_rebuilt_from_the_commit_log_equal_what_they_were()
    {
        var tables = await HistoryWithWaitlistAndPromotionAsync();
        var before = await ViewsAsync(tables);
        await RecreateViewsAsync(tables);
        Assert.All(await ViewsAsync(tables), Assert.Empty);

        var commits = await new CommitLogScanner(dynalite.Client, tables.CommitLog, "dynalite").ScanAsync(null, CancellationToken.None);
        var summary = await Rebuilder(tables).ReplayAsync(commits, 4, null, CancellationToken.None);

        Assert.Equal(before, await ViewsAsync(tables));
        Assert.Equal(commits.Count, summary.Commits);
        Assert.Equal(4, summary.Aggregates);
        Assert.True(summary.RowsWritten > 0);
    }

    [Fact]
    public async Task Replaying_over_current_views_writes_nothing_and_changes_nothing()
    {
        var tables = await HistoryWithWaitlistAndPromotionAsync();
        var before = await ViewsAsync(tables);
        var commits = await new CommitLogScanner(dynalite.Client, tables.CommitLog, "dynalite").ScanAsync(null, CancellationToken.None);

        var first = await Rebuilder(tables).ReplayAsync(commits, 4, null, CancellationToken.None);
        var second = await Rebuilder(tables).ReplayAsync(commits, 1, null, CancellationToken.None);

        Assert.Equal(0, first.RowsWritten);
        Assert.Equal(0, second.RowsWritten);
        Assert.Equal(first.RowsOffered, second.RowsOffered);
        Assert.Equal(before, await ViewsAsync(tables));
    }

    [Fact]
    public async Task Progress_reaches_every_commit()
    {
        var tables = await HistoryWithWaitlistAndPromotionAsync();
        await RecreateViewsAsync(tables);
        var commits = await new CommitLogScanner(dynalite.Client, tables.CommitLog, "dynalite").ScanAsync(null, CancellationToken.None);
        var reports = new List<ReplayProgress>();

        await Rebuilder(tables).ReplayAsync(commits, 1, new SynchronousProgress<ReplayProgress>(reports.Add), CancellationToken.None);

        Assert.Equal(commits.Count, reports.Count);
        Assert.Equal(commits.Count, reports.Max(r => r.CommitsDone));
        Assert.All(reports, r => Assert.Equal(commits.Count, r.CommitsTotal));
    }
}
