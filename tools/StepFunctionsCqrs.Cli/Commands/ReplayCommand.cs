using System.CommandLine;
using Spectre.Console;
using StepFunctionsCqrs.Functions.Rebuild;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary><c>cqrs replay</c>: rebuilds the read views from the commit log.</summary>
public static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var parallelism = new Option<int>("--parallelism") { Description = "Aggregates replayed at once.", DefaultValueFactory = _ => 8 };
        var command = new Command("replay", "Rebuild the availability, guest bookings and arrivals views from the commit log; safe to repeat. Against an emulator, missing view tables are created first.");
        command.Options.Add(parallelism);
        command.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var dynamoDb = context.Clients.DynamoDb;
            var tables = context.Settings.Tables;
            if (context.Settings.DynamoDbEndpoint is not null)
            {
                // On AWS the stack owns its tables; an emulator's dropped view is recreated so it can be rebuilt.
                await TargetErrors.GuardAsync(async () => { await new TableCreator(dynamoDb).CreateAllAsync(tables, ct).ConfigureAwait(false); return 0; },
                    context.DynamoDbEndpoint, "the view tables").ConfigureAwait(false);
            }

            var commitLog = new DynamoDbCommitLog(dynamoDb, tables.CommitLog);
            var rebuilder = new ViewRebuilder(
                new DynamoDbAvailabilityView(dynamoDb, tables.Availability),
                new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings),
                new DynamoDbArrivalsView(dynamoDb, tables.Arrivals));
            ReplaySummary? summary = null;
            await runtime.Console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var scan = progress.AddTask("scan commit log", maxValue: 1);
                scan.IsIndeterminate = true;
                var commits = await TargetErrors.GuardAsync(
                    () => commitLog.ReadAllAsync(new SynchronousProgress<int>(n => scan.Description = $"scan commit log ({n})"), ct),
                    context.DynamoDbEndpoint, tables.CommitLog).ConfigureAwait(false);
                scan.IsIndeterminate = false;
                scan.Value = 1;
                var feed = progress.AddTask("feed projections", maxValue: Math.Max(1, commits.Count));
                summary = await rebuilder.ReplayAsync(commits, parse.GetValue(parallelism), new SynchronousProgress<ReplayProgress>(p => feed.Value = p.CommitsDone), ct).ConfigureAwait(false);
                feed.Value = feed.MaxValue;
            }).ConfigureAwait(false);
            runtime.Console.MarkupLineInterpolated(
                $"replayed {summary!.Commits} commits of {summary.Aggregates} aggregates: {summary.RowsOffered} view rows projected, {summary.RowsWritten} written (the rest were current)");
            return 0;
        }));
        return command;
    }
}
