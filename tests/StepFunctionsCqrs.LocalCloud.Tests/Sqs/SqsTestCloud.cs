using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Time.Testing;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

/// <summary>A local cloud on a free loopback port with its own data folder and a fake clock, plus real SQS clients pointed at it.</summary>
public sealed class SqsTestCloud : IAsyncDisposable
{
    public const string SenderAccessKey = "AKIDSENDER0000000001";

    private readonly List<AmazonSQSClient> clients = [];

    private SqsTestCloud(LocalCloudOptions options, LocalCloudHost host)
    {
        Options = options;
        Host = host;
        Client = NewClient(SenderAccessKey);
    }

    /// <summary>The fake clock shared by every host started on this cloud's data.</summary>
    public FakeTimeProvider Time => (FakeTimeProvider)Options.TimeProvider;

    /// <summary>The options the host runs with.</summary>
    public LocalCloudOptions Options { get; }

    /// <summary>The running host.</summary>
    public LocalCloudHost Host { get; private set; }

    /// <summary>An SQS client signing with <see cref="SenderAccessKey"/>.</summary>
    public AmazonSQSClient Client { get; private set; }

    /// <summary>Starts a host; <paramref name="clockStart"/> sets the fake clock (a fixed date by default).</summary>
    public static async Task<SqsTestCloud> StartAsync(string? dataDirectory = null, DateTimeOffset? clockStart = null)
    {
        var options = new LocalCloudOptions
        {
            Port = 0,
            DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "localcloud-tests", Guid.NewGuid().ToString("N")),
            TimeProvider = new FakeTimeProvider(clockStart ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)),
        };
        return new SqsTestCloud(options, await LocalCloudHost.StartAsync(options));
    }

    /// <summary>A client of the running host signing with another access key.</summary>
    public AmazonSQSClient NewClient(string accessKey)
    {
        var client = new AmazonSQSClient(
            new BasicAWSCredentials(accessKey, "test-secret"),
            new AmazonSQSConfig { ServiceURL = Host.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        clients.Add(client);
        return client;
    }

    /// <summary>Stops the host and starts a new one on the same data folder and clock (a new port).</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = await LocalCloudHost.StartAsync(Options);
        Client = NewClient(SenderAccessKey);
    }

    /// <summary>Creates a queue and returns its URL.</summary>
    public async Task<string> CreateQueueAsync(string name, Dictionary<string, string>? attributes = null) =>
        (await Client.CreateQueueAsync(new Amazon.SQS.Model.CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;

    /// <summary>The ARN of a queue.</summary>
    public async Task<string> ArnOfAsync(string queueUrl) =>
        (await Client.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide the real result.
        }
    }
}
