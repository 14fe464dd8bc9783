using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class QueueLifecycleTests
{
    [Fact]
    public async Task A_created_queue_is_found_by_name_and_listed_with_a_url_on_the_edge()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        var url = await cloud.CreateQueueAsync("commands");
        var found = await cloud.Client.GetQueueUrlAsync("commands");
        var listed = await cloud.Client.ListQueuesAsync(new ListQueuesRequest());

        Assert.Equal(new Uri(cloud.Host.Endpoint, "/000000000000/commands").ToString(), url);
        Assert.Equal(url, found.QueueUrl);
        Assert.Equal([url], listed.QueueUrls);
    }

    [Fact]
    public async Task Creating_an_existing_queue_with_the_same_attributes_returns_the_same_url()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        var first = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "45" });
        var second = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "45" });

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ListQueues_filters_by_prefix_and_pages_with_next_token()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        foreach (var name in new[] { "cmd-a", "cmd-b", "cmd-c", "other" })
        {
            await cloud.CreateQueueAsync(name);
        }

        var first = await cloud.Client.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "cmd-", MaxResults = 2 });
        var second = await cloud.Client.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "cmd-", MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(["cmd-a", "cmd-b"], first.QueueUrls.Select(u => u.Split('/')[^1]));
        Assert.NotNull(first.NextToken);
        Assert.Equal(["cmd-c"], second.QueueUrls.Select(u => u.Split('/')[^1]));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Queue_attributes_report_defaults_counts_arn_and_changes()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["DelaySeconds"] = "5" });
        await cloud.Client.SendMessageAsync(url, "delayed");
        await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "now") { DelaySeconds = 0 });
        await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "later") { DelaySeconds = 0 });
        await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 1 });

        await cloud.Client.SetQueueAttributesAsync(url, new Dictionary<string, string> { ["VisibilityTimeout"] = "120" });
        var attributes = (await cloud.Client.GetQueueAttributesAsync(url, ["All"])).Attributes;

        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:commands", attributes["QueueArn"]);
        Assert.Equal("120", attributes["VisibilityTimeout"]);
        Assert.Equal("5", attributes["DelaySeconds"]);
        Assert.Equal("345600", attributes["MessageRetentionPeriod"]);
        Assert.Equal("1", attributes["ApproximateNumberOfMessages"]);
        Assert.Equal("1", attributes["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal("1", attributes["ApproximateNumberOfMessagesDelayed"]);
        Assert.Equal(cloud.Time.GetUtcNow().ToUnixTimeSeconds().ToString(), attributes["CreatedTimestamp"]);
    }

    [Fact]
    public async Task Only_the_requested_attributes_are_returned()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var attributes = (await cloud.Client.GetQueueAttributesAsync(url, ["VisibilityTimeout", "QueueArn"])).Attributes;

        Assert.Equal(["QueueArn", "VisibilityTimeout"], attributes.Keys.Order());
    }

    [Fact]
    public async Task A_deleted_queue_is_gone()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        await cloud.Client.DeleteQueueAsync(url);

        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => cloud.Client.GetQueueUrlAsync("commands"));
        Assert.Empty((await cloud.Client.ListQueuesAsync(new ListQueuesRequest())).QueueUrls ?? []);
    }

    [Fact]
    public async Task PurgeQueue_removes_every_message()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        await cloud.Client.SendMessageAsync(url, "one");
        await cloud.Client.SendMessageAsync(url, "two");

        await cloud.Client.PurgeQueueAsync(url);

        var received = await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 });
        Assert.Empty(received.Messages ?? []);
    }
}
