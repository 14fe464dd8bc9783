using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Lambda;
using StepFunctionsCqrs.LocalCloud.Pipeline;
using Xunit.Abstractions;

namespace StepFunctionsCqrs.LocalCloud.Tests.Load;

/// <summary>
/// Every booking of a burst on one room type, with the local cloud's execution bound lifted so all of them race as they
/// would on AWS. The size is <c>CQRS_HOT_BURST_COMMANDS</c> (2,000 by default).
/// </summary>
[Collection(OwnCloudCollection.Name)]
public sealed class HotAggregateBurstTests(ITestOutputHelper output)
{
    private const int Capacity = 40;
    private const int Nights = 10;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public async Task A_burst_on_one_room_type_ends_with_every_command_accepted_capacity_kept_and_the_waitlist_in_order(double persistFaults)
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("CQRS_HOT_BURST_COMMANDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2000;
        var stateFolder = Path.Combine(Path.GetTempPath(), "localcloud-hot-burst-tests", Guid.NewGuid().ToString("N"));
        var faults = persistFaults > 0 ? FaultInjection.Parse($"Persist:{persistFaults.ToString(CultureInfo.InvariantCulture)}", "7") : FaultInjection.None;
        var options = new PipelineOptions
        {
            Port = 0, StateFolder = stateFolder, RepositoryRoot = RepositoryRoot.Find(), MaxConcurrentExecutions = int.MaxValue, Faults = faults,
            // The workflow's back-off for transient faults waits in real time otherwise; the attempts are the same.
            DelayScale = 0.1,
        };

        await using var cloud = await PipelineCloud.StartAsync(options);
        try
        {
            using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
            using var http = SignedHttpClient.Create(cloud.Endpoint, cloud.Identities.Admin.Credentials);
            var client = new DemoClient(sqs, cloud.Resources.CommandsQueueUrl, http);
            var hotelId = $"hot-{Guid.NewGuid():N}"[..16];
            var registration = DemoCommands.RegisterHotel($"reg-{hotelId}", "admin-1", hotelId, "Hot Hotel", "rt", Capacity);
            var registered = await client.WaitForStatusAsync(await client.SendAsync(registration, CancellationToken.None), CancellationToken.None);
            Assert.Equal("Accepted", registered["status"]!.GetValue<string>());

            var commands = Enumerable.Range(0, size).Select(i => Booking(hotelId, i)).ToList();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(commands.Chunk(10), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, token) =>
            {
                var sent = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
                {
                    QueueUrl = cloud.Resources.CommandsQueueUrl,
                    Entries = [.. batch.Select((c, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), c.ToJsonString()))],
                }, token);
                Assert.Empty(sent.Failed ?? []);
            });

            var ids = commands.Select(c => c["commandId"]!.GetValue<string>()).ToList();
            var statuses = await BurstStatuses.WaitForAllAsync(client, ids);
            clock.Stop();

            var byStatus = statuses.GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            output.WriteLine($"{size} bookings on one room type, {persistFaults:P0} of Persist invocations failing: {clock.Elapsed.TotalSeconds:0.0} s "
                + $"({size / clock.Elapsed.TotalSeconds:0.0} commands/s): "
                + string.Join(", ", byStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
            Assert.Equal(size, statuses.Count);
            Assert.All(statuses, s => Assert.Equal("Accepted", s.Value));

            var commits = await ReadInventoryAsync(cloud, hotelId);
            AssertEachCommandAppendedOnceWithinCapacityAndInOrder(commits, ids);
            await ReportAttemptsAsync(cloud, ids);
        }
        finally
        {
            await cloud.DisposeAsync();
            try
            {
                Directory.Delete(stateFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    // The oracle is the log itself: folding it must never hold more rooms than there are, every command appears in it
    // exactly once, and the waitlist is the waitlisted requests in the order they were appended.
    private static void AssertEachCommandAppendedOnceWithinCapacityAndInOrder(IReadOnlyList<StoredCommit> commits, IReadOnlyList<string> ids)
    {
        Assert.Equal(ids.Order(StringComparer.Ordinal), commits.Skip(1).Select(c => c.CommandId).Order(StringComparer.Ordinal));
        var state = InventoryState.Initial("", "");
        var waitlisted = new List<string>();
        foreach (var commit in commits)
        {
            state = InventoryState.Fold(state, commit.Events);
            Assert.All(state.HeldPerNight, p => Assert.InRange(p.Value, 0, Capacity));
            waitlisted.AddRange(commit.Events.OfType<GuestWaitlisted>().Select(e => e.BookingId));
            foreach (var booked in commit.Events.OfType<RoomBooked>())
            {
                // Nothing is cancelled, so nothing may be promoted from the waitlist.
                Assert.False(booked.FromWaitlist);
            }
        }

        Assert.Equal(waitlisted, state.Waitlist);
        Assert.Contains(commits, c => c.Events.OfType<GuestWaitlisted>().Any());
        Assert.Contains(commits, c => c.Events.OfType<RoomBooked>().Any());
    }

    private static async Task<IReadOnlyList<StoredCommit>> ReadInventoryAsync(PipelineCloud cloud, string hotelId)
    {
        using var dynamoDb = new AmazonDynamoDBClient(cloud.Identities.Admin.Credentials, new AmazonDynamoDBConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        return await new DynamoDbCommitLog(dynamoDb, Tables.CommitLog.LogicalName).LoadAsync(AggregateIds.Inventory(hotelId, "rt"), CancellationToken.None);
    }

    // Persist's attempts per command as the workflow saw them; conflicts retried inside one invocation count once.
    private async Task ReportAttemptsAsync(PipelineCloud cloud, IReadOnlyList<string> ids)
    {
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        var attempts = new ConcurrentBag<int>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, token) =>
        {
            var arn = cloud.Resources.StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + id;
            var history = await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(arn) { MaxResults = 1000 }, token);
            var persistScheduled = 0;
            string? state = null;
            foreach (var e in history.Events)
            {
                if (e.Type == "TaskStateEntered" && e.Details is { } entered)
                {
                    state = entered.Values.First().GetProperty("name").GetString();
                }

                if (e.Type is "LambdaFunctionScheduled" or "TaskScheduled" && state == "Persist")
                {
                    persistScheduled++;
                }
            }

            attempts.Add(persistScheduled);
        });
        var all = attempts.Order().ToList();
        Assert.All(all, a => Assert.True(a >= 1, "An execution was read without a Persist attempt."));
        output.WriteLine($"Persist invocations per command: mean {all.Average():0.00}, p99 {all[(int)(all.Count * 0.99) - 1]}, max {all[^1]}");
    }

    // Stays of one to three nights over ten nights, so the room type fills and later requests are waitlisted.
    private static JsonObject Booking(string hotelId, int i)
    {
        var checkIn = new DateOnly(2031, 3, 1).AddDays(i % Nights);
        return DemoCommands.BookRoom($"{hotelId}-c{i}", $"guest-{i}", hotelId, "rt", $"bk-{i}", checkIn, checkIn.AddDays(1 + (i % 3)));
    }
}
