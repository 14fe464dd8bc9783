using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;
using StepFunctionsCqrs.EndToEnd.Tests.Targets;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>The local cloud killed with SIGKILL mid-run and restarted on the same state folder.</summary>
public sealed class CrashTests
{
    private const int Commands = 200;

    [Fact]
    public async Task Every_accepted_command_is_processed_exactly_once_after_a_kill_9_with_200_in_flight()
    {
        await using var cloud = await LocalCloudProcess.StartAsync();
        var hotel = Ids.Fresh("crash");
        var night = new DateOnly(2030, 8, 1);
        string[] roomTypes = ["a", "b"];
        var bookings = Enumerable.Range(0, Commands).Select(i => (RoomType: roomTypes[i % 2], Night: night.AddDays(i % 4), Index: i)).ToList();

        IReadOnlyList<string> ids;
        int settledAtCrash;
        using (var stack = await StackDriver.ConnectAsync(cloud))
        {
            await PipelineScenarios.RunAsync(stack, [stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Crash Hotel", [.. roomTypes.Select(r => new RoomTypeSpec(r, 500))])]);
            var envelopes = bookings.Select(b => stack.Envelopes.BookRoom(Envelope.Guest($"{hotel}-g{b.Index % 20}"), hotel, b.RoomType, $"cb-{b.Index}", b.Night, b.Night.AddDays(1))).ToList();

            // SendMessage returning is SQS accepting the command; from then on it must not be lost.
            ids = await stack.SubmitAllAsync(envelopes, concurrency: 32);
            settledAtCrash = await SettledCountAsync(stack, ids, atLeast: 10);
            cloud.Crash();
        }

        Assert.True(settledAtCrash < Commands, $"All {Commands} commands finished before the crash; nothing was in flight.");
        var restartedAt = DateTimeOffset.UtcNow;
        await cloud.RestartAsync();
        using (var stack = await StackDriver.ConnectAsync(cloud))
        {
            var outcomes = await stack.WaitForOutcomesAsync(ids, TimeSpan.FromMinutes(5));
            Assert.All(outcomes, o => Assert.True(o.Value == "Accepted", $"{o.Key} ended {o.Value}"));

            // Proof that the crash cut executions short between Persist and their status, and that the restarted host
            // finished them: their commit was appended before the restart, their status recorded after it.
            var recorded = await stack.Poller.ReadOutcomesAsync(ids, CancellationToken.None);
            var commitLog = new DynamoDbCommitLog(stack.Context.Clients.DynamoDb, stack.Context.Settings.Tables.CommitLog);
            var committedBefore = new HashSet<string>(StringComparer.Ordinal);
            foreach (var roomType in roomTypes)
            {
                committedBefore.UnionWith((await commitLog.LoadAsync(AggregateIds.Inventory(hotel, roomType), CancellationToken.None))
                    .Where(c => c.CommittedAt < restartedAt).Select(c => c.CommandId));
            }

            var resumedAfterCommit = ids.Where(id => committedBefore.Contains(id) && recorded[id].RecordedAt > restartedAt).ToList();
            Assert.True(resumedAfterCommit.Count > 0,
                $"No command was committed before the crash and recorded after the restart ({committedBefore.Count} committed before it), so no execution stopped half-way was shown to resume.");

            var commits = new List<string>();
            foreach (var roomType in roomTypes)
            {
                var log = await stack.CommitsOfAsync(AggregateIds.Inventory(hotel, roomType));
                Assert.Equal(Enumerable.Range(1, log.Count).Select(v => (long)v), log.Select(c => c.Version).Order());
                commits.AddRange(log.Where(c => c.Version > 1).Select(c => c.CommandId));
            }

            Assert.Equal(Commands, commits.Count);
            Assert.Equal(ids.Order(), commits.Order());

            foreach (var roomType in roomTypes)
            {
                var left = await PipelineScenarios.RoomsLeftAsync(stack, hotel, roomType, night, night.AddDays(4));
                var expected = Enumerable.Range(0, 4).Select(d => 500 - bookings.Count(b => b.RoomType == roomType && b.Night == night.AddDays(d)));
                Assert.Equal(expected, left);
            }
        }
    }

    private static async Task<int> SettledCountAsync(StackDriver stack, IReadOnlyList<string> ids, int atLeast)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var settled = (await stack.Poller.ReadAsync(ids, CancellationToken.None)).Count;
            if (settled >= atLeast || DateTimeOffset.UtcNow > deadline)
            {
                return settled;
            }

            await Task.Delay(100);
        }
    }
}
