using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Identity;
using StepFunctionsCqrs.LocalCloud.Pipeline;
using Xunit.Abstractions;

namespace StepFunctionsCqrs.LocalCloud.Tests.Load;

/// <summary>
/// A burst of BookRoom commands sent at once through SQS, each outcome read back from the command status view. The
/// size is <c>CQRS_BURST_COMMANDS</c> (300 by default) and <c>CQRS_BURST_MAX_EXECUTIONS</c> overrides the bound on
/// running executions, so the same test measures larger bursts and other bounds by hand.
/// </summary>
[Collection(OwnCloudCollection.Name)]
public sealed class CommandBurstTests(ITestOutputHelper output)
{
    private const int RoomTypes = 8;
    private const int Nights = 20;

    [Fact]
    public async Task A_burst_of_bookings_sent_at_once_ends_with_every_command_accepted_and_none_failed()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("CQRS_BURST_COMMANDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 300;
        var stateFolder = Path.Combine(Path.GetTempPath(), "localcloud-burst-tests", Guid.NewGuid().ToString("N"));
        var options = new PipelineOptions { Port = 0, StateFolder = stateFolder, RepositoryRoot = RepositoryRoot.Find() };
        if (int.TryParse(Environment.GetEnvironmentVariable("CQRS_BURST_MAX_EXECUTIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            // Comparing bounds by hand: a very large value runs every started execution at once.
            options = options with { MaxConcurrentExecutions = max };
        }

        await using var cloud = await PipelineCloud.StartAsync(options);
        try
        {
            using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
            using var http = SignedHttpClient.Create(cloud.Endpoint, cloud.Identities.Admin.Credentials);
            var client = new DemoClient(sqs, cloud.Resources.CommandsQueueUrl, http);
            var hotelId = $"burst-{Guid.NewGuid():N}"[..20];
            var registered = await client.WaitForStatusAsync(await client.SendAsync(RegisterHotel(hotelId), CancellationToken.None), CancellationToken.None);
            Assert.Equal("Accepted", registered["status"]!.GetValue<string>());

            var commands = Enumerable.Range(0, size).Select(i => Booking(hotelId, i)).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var batch in commands.Chunk(10))
            {
                var sent = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
                {
                    QueueUrl = cloud.Resources.CommandsQueueUrl,
                    Entries = [.. batch.Select((c, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), c.ToJsonString()))],
                });
                Assert.Empty(sent.Failed ?? []);
            }

            var statuses = await BurstStatuses.WaitForAllAsync(client, [.. commands.Select(c => c["commandId"]!.GetValue<string>())]);
            clock.Stop();

            var byStatus = statuses.GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            output.WriteLine($"{size} commands in {clock.Elapsed.TotalSeconds:0.0} s ({size / clock.Elapsed.TotalSeconds:0.0} commands/s): "
                + string.Join(", ", byStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
            await DescribeFailuresAsync(cloud, statuses.Where(s => s.Value != "Accepted").Select(s => s.Key).Take(5));

            Assert.Equal(size, statuses.Count);
            Assert.All(statuses, s => Assert.Equal("Accepted", s.Value));
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

    // Every room type has room for every booking, so the only right outcome for each is Accepted.
    private static JsonObject RegisterHotel(string hotelId)
    {
        var command = DemoCommands.RegisterHotel($"reg-{hotelId}", "admin-1", hotelId, "Burst Hotel", "rt-0", 10_000);
        command["payload"]!["roomTypes"] = new JsonArray([.. Enumerable.Range(0, RoomTypes).Select(r => (JsonNode)new JsonObject
        {
            ["roomTypeId"] = $"rt-{r}", ["capacity"] = 10_000,
        })]);
        return command;
    }

    private static JsonObject Booking(string hotelId, int i)
    {
        var checkIn = new DateOnly(2031, 3, 1).AddDays(i % Nights);
        return DemoCommands.BookRoom($"{hotelId}-c{i}", $"guest-{i}", hotelId, $"rt-{i % RoomTypes}", $"bk-{hotelId}-{i}", checkIn, checkIn.AddDays(1));
    }


    // For the test log: which state failed and with which error, from the execution's history.
    private async Task DescribeFailuresAsync(PipelineCloud cloud, IEnumerable<string> commandIds)
    {
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        foreach (var id in commandIds)
        {
            var arn = cloud.Resources.StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + id;
            var described = await stepFunctions.DescribeExecutionAsync(arn);
            output.WriteLine($"{id}: execution {described.Status} {described.Error} {described.Cause}");
            var history = await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(arn) { MaxResults = 1000 });
            string? state = null;
            foreach (var e in history.Events)
            {
                if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && e.Details is { } entered)
                {
                    state = entered.Values.First().GetProperty("name").GetString();
                }

                if (e.Type.EndsWith("Failed", StringComparison.Ordinal) || e.Type.EndsWith("TimedOut", StringComparison.Ordinal))
                {
                    output.WriteLine($"   in {state}: {e.Type} {string.Join(" ", e.Details?.Values.Select(v => v.TryGetProperty("error", out var error) ? error.ToString() : "") ?? [])}");
                }
            }
        }
    }
}
