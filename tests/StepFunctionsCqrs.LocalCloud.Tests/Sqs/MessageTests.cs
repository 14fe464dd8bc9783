using System.Text;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class MessageTests
{
    private static ReceiveMessageRequest ReceiveAll(string url, int max = 10) => new(url)
    {
        MaxNumberOfMessages = max,
        MessageSystemAttributeNames = ["All"],
        MessageAttributeNames = ["All"],
    };

    [Fact]
    public async Task A_sent_message_is_received_with_its_body_md5_and_system_attributes()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        var sentAt = cloud.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var sent = await cloud.Client.SendMessageAsync(url, """{"commandId":"c-1"}""");
        cloud.Time.Advance(TimeSpan.FromSeconds(3));
        var received = Assert.Single((await cloud.Client.ReceiveMessageAsync(ReceiveAll(url))).Messages);

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal("""{"commandId":"c-1"}""", received.Body);
        Assert.Equal(sent.MD5OfMessageBody, received.MD5OfBody);
        Assert.Equal(SqsTestCloud.SenderAccessKey, received.Attributes["SenderId"]);
        Assert.Equal(sentAt.ToString(), received.Attributes["SentTimestamp"]);
        Assert.Equal("1", received.Attributes["ApproximateReceiveCount"]);
        Assert.Equal((sentAt + 3000).ToString(), received.Attributes["ApproximateFirstReceiveTimestamp"]);
        Assert.False(string.IsNullOrEmpty(received.ReceiptHandle));
    }

    [Fact]
    public async Task SenderId_is_the_access_key_that_signed_the_send_not_anything_the_sender_writes()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        var other = cloud.NewClient("AKIDOTHERSENDER00002");

        await other.SendMessageAsync(new SendMessageRequest(url, "from other")
        {
            MessageAttributes = new() { ["SenderId"] = new MessageAttributeValue { DataType = "String", StringValue = SqsTestCloud.SenderAccessKey } },
        });
        var received = Assert.Single((await cloud.Client.ReceiveMessageAsync(ReceiveAll(url))).Messages);

        Assert.Equal("AKIDOTHERSENDER00002", received.Attributes["SenderId"]);
    }

    [Fact]
    public async Task Message_attributes_of_every_type_round_trip_and_pass_the_sdk_md5_checks()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        var attributes = new Dictionary<string, MessageAttributeValue>
        {
            ["type"] = new() { DataType = "String", StringValue = "BookRoom" },
            ["schemaVersion"] = new() { DataType = "Number", StringValue = "2" },
            ["signature"] = new() { DataType = "Binary", BinaryValue = new MemoryStream([1, 2, 3, 250]) },
            ["note"] = new() { DataType = "String.utf8", StringValue = "zürich ☃" },
        };

        var sent = await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "body ☃") { MessageAttributes = attributes });
        var received = Assert.Single((await cloud.Client.ReceiveMessageAsync(ReceiveAll(url))).Messages);

        Assert.NotNull(sent.MD5OfMessageAttributes);
        Assert.Equal(sent.MD5OfMessageAttributes, received.MD5OfMessageAttributes);
        Assert.Equal("BookRoom", received.MessageAttributes["type"].StringValue);
        Assert.Equal("Number", received.MessageAttributes["schemaVersion"].DataType);
        Assert.Equal([1, 2, 3, 250], received.MessageAttributes["signature"].BinaryValue.ToArray());
        Assert.Equal("zürich ☃", received.MessageAttributes["note"].StringValue);
    }

    [Fact]
    public async Task Only_the_requested_message_attributes_are_returned_and_the_md5_covers_those()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "b")
        {
            MessageAttributes = new()
            {
                ["trace.id"] = new() { DataType = "String", StringValue = "t-1" },
                ["trace.parent"] = new() { DataType = "String", StringValue = "p-1" },
                ["tenant"] = new() { DataType = "String", StringValue = "acme" },
            },
        });

        var received = Assert.Single((await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MessageAttributeNames = ["trace.*"] })).Messages);

        Assert.Equal(["trace.id", "trace.parent"], received.MessageAttributes.Keys.Order());
        Assert.Null(received.Attributes is { Count: > 0 } ? received.Attributes : null);
    }

    [Fact]
    public async Task A_trace_header_system_attribute_is_kept_and_returned()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var sent = await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "b")
        {
            MessageSystemAttributes = new() { ["AWSTraceHeader"] = new MessageSystemAttributeValue { DataType = "String", StringValue = "Root=1-abc" } },
        });
        var received = Assert.Single((await cloud.Client.ReceiveMessageAsync(ReceiveAll(url))).Messages);

        Assert.NotNull(sent.MD5OfMessageSystemAttributes);
        Assert.Equal("Root=1-abc", received.Attributes["AWSTraceHeader"]);
    }

    [Fact]
    public async Task A_batch_send_reports_each_entry_and_rejects_only_the_bad_ones()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var result = await cloud.Client.SendMessageBatchAsync(url,
        [
            new SendMessageBatchRequestEntry("a", "first"),
            new SendMessageBatchRequestEntry("bad", "control \u0001 char"),
            new SendMessageBatchRequestEntry("b", "second") { MessageAttributes = new() { ["k"] = new() { DataType = "String", StringValue = "v" } } },
        ]);
        var received = (await cloud.Client.ReceiveMessageAsync(ReceiveAll(url))).Messages;

        Assert.Equal(["a", "b"], result.Successful.Select(s => s.Id));
        var failed = Assert.Single(result.Failed);
        Assert.Equal("bad", failed.Id);
        Assert.Equal("InvalidMessageContents", failed.Code);
        Assert.True(failed.SenderFault);
        Assert.Equal(["first", "second"], received.Select(m => m.Body));
    }

    [Fact]
    public async Task Receive_returns_up_to_the_requested_number_oldest_first()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        for (var i = 0; i < 12; i++)
        {
            await cloud.Client.SendMessageAsync(url, $"m{i}");
        }

        var first = (await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 })).Messages;
        var second = (await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 })).Messages;

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), first.Select(m => m.Body));
        Assert.Equal(["m10", "m11"], second.Select(m => m.Body));
    }

    [Fact]
    public async Task A_deleted_message_is_not_delivered_again()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "10" });
        await cloud.Client.SendMessageAsync(url, "once");
        var message = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);

        await cloud.Client.DeleteMessageAsync(url, message.ReceiptHandle);
        cloud.Time.Advance(TimeSpan.FromSeconds(11));

        Assert.Empty((await cloud.Client.ReceiveMessageAsync(url)).Messages ?? []);
    }

    [Fact]
    public async Task A_batch_delete_removes_each_message_and_reports_malformed_handles()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "10" });
        await cloud.Client.SendMessageAsync(url, "one");
        await cloud.Client.SendMessageAsync(url, "two");
        var messages = (await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 })).Messages;

        var result = await cloud.Client.DeleteMessageBatchAsync(url,
        [
            new DeleteMessageBatchRequestEntry("one", messages[0].ReceiptHandle),
            new DeleteMessageBatchRequestEntry("two", messages[1].ReceiptHandle),
            new DeleteMessageBatchRequestEntry("junk", "not-a-receipt"),
        ]);
        cloud.Time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(["one", "two"], result.Successful.Select(s => s.Id));
        Assert.Equal("ReceiptHandleIsInvalid", Assert.Single(result.Failed).Code);
        Assert.Empty((await cloud.Client.ReceiveMessageAsync(url)).Messages ?? []);
    }

    [Fact]
    public async Task A_message_delayed_by_DelaySeconds_appears_only_after_the_delay()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        await cloud.Client.SendMessageAsync(new SendMessageRequest(url, "later") { DelaySeconds = 30 });
        var early = await cloud.Client.ReceiveMessageAsync(url);
        cloud.Time.Advance(TimeSpan.FromSeconds(30));
        var onTime = await cloud.Client.ReceiveMessageAsync(url);

        Assert.Empty(early.Messages ?? []);
        Assert.Equal("later", Assert.Single(onTime.Messages).Body);
    }

    [Fact]
    public async Task Messages_older_than_the_retention_period_are_dropped()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["MessageRetentionPeriod"] = "60" });
        await cloud.Client.SendMessageAsync(url, "stale");

        cloud.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.Empty((await cloud.Client.ReceiveMessageAsync(url)).Messages ?? []);
    }

    [Fact]
    public async Task A_body_with_multibyte_characters_keeps_its_md5_over_utf8()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        var body = "Hôtel ☃ 🏨 " + new string('x', 1000);

        var sent = await cloud.Client.SendMessageAsync(url, body);
        var received = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(body))), sent.MD5OfMessageBody);
        Assert.Equal(body, received.Body);
    }
}
