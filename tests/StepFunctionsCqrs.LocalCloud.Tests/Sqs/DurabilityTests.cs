using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Queues_messages_and_in_flight_state_survive_a_host_restart_on_the_same_database()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var dlqArn = await cloud.ArnOfAsync(await cloud.CreateQueueAsync("commands-dlq"));
        var url = await cloud.CreateQueueAsync("commands", new()
        {
            ["VisibilityTimeout"] = "60",
            ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":5}""",
        });
        await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "in flight")
        {
            MessageAttributes = new() { ["type"] = new() { DataType = "String", StringValue = "BookRoom" } },
        });
        await cloud.Client.SendMessageAsync(url, "waiting");
        var inFlight = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);

        await cloud.RestartAsync();
        var newUrl = (await cloud.Client.GetQueueUrlAsync("commands")).QueueUrl;
        var attributes = (await cloud.Client.GetQueueAttributesAsync(newUrl, ["All"])).Attributes;
        var waiting = Assert.Single((await cloud.Client.ReceiveMessageAsync(newUrl)).Messages);
        cloud.Time.Advance(TimeSpan.FromSeconds(60));
        var redelivered = Assert.Single((await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(newUrl)
        {
            MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            MessageAttributeNames = ["All"],
        })).Messages);

        Assert.Equal("60", attributes["VisibilityTimeout"]);
        Assert.Contains(dlqArn, attributes["RedrivePolicy"]);
        Assert.Equal("1", attributes["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal("waiting", waiting.Body);
        Assert.Equal(inFlight.MessageId, redelivered.MessageId);
        Assert.Equal("2", redelivered.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("BookRoom", redelivered.MessageAttributes["type"].StringValue);
    }

    [Fact]
    public async Task Every_acknowledged_send_survives_the_host_process_being_killed()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "localcloud-tests", Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var endpoint = $"http://127.0.0.1:{port}/";
        var hostDll = Path.Combine(AppContext.BaseDirectory, "StepFunctionsCqrs.LocalCloud.dll");
        using var child = Process.Start(new ProcessStartInfo("dotnet", [hostDll, "--Port", port.ToString(), "--DataDirectory", dataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var sentIds = new List<string>();
        try
        {
            await WaitUntilHealthyAsync(endpoint, child);
            using var client = new AmazonSQSClient(
                new BasicAWSCredentials("AKIDKILLTEST00000001", "secret"),
                new AmazonSQSConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
            var url = (await client.CreateQueueAsync("commands")).QueueUrl;
            for (var i = 0; i < 40; i++)
            {
                sentIds.Add((await client.SendMessageAsync(url, $"command {i}")).MessageId);
            }

            var batch = await client.SendMessageBatchAsync(url, Enumerable.Range(0, 10).Select(i => new SendMessageBatchRequestEntry($"b{i}", $"batched {i}")).ToList());
            sentIds.AddRange(batch.Successful.Select(s => s.MessageId));
        }
        finally
        {
            // SIGKILL: no shutdown hooks, no flush; only what SQLite committed can survive.
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        // The killed process ran on the system clock; the fake one starts later so its messages are visible.
        await using var cloud = await SqsTestCloud.StartAsync(dataDirectory, TimeProvider.System.GetUtcNow().AddMinutes(1));
        var url2 = (await cloud.Client.GetQueueUrlAsync("commands")).QueueUrl;
        var receivedIds = new List<string>();
        while (true)
        {
            var page = (await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url2) { MaxNumberOfMessages = 10 })).Messages ?? [];
            if (page.Count == 0)
            {
                break;
            }

            receivedIds.AddRange(page.Select(m => m.MessageId));
        }

        Assert.Equal(50, sentIds.Count);
        Assert.Equal(sentIds.Order(), receivedIds.Order());
    }

    private static async Task WaitUntilHealthyAsync(string endpoint, Process child)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException(
                    $"The local cloud process exited with {child.ExitCode}: {await child.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await http.GetAsync(endpoint + "health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The local cloud process did not answer on {endpoint}health.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
