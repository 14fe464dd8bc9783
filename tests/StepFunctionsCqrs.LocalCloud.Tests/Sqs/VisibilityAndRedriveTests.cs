using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class VisibilityAndRedriveTests
{
    private static ReceiveMessageRequest Receive(string url) => new(url) { MessageSystemAttributeNames = ["ApproximateReceiveCount"], MaxNumberOfMessages = 10 };

    [Fact]
    public async Task An_unacknowledged_message_is_hidden_until_its_visibility_timeout_expires_then_redelivered_with_a_higher_count()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "30" });
        await cloud.Client.SendMessageAsync(url, "retry me");

        var first = Assert.Single((await cloud.Client.ReceiveMessageAsync(Receive(url))).Messages);
        cloud.Time.Advance(TimeSpan.FromSeconds(29));
        var whileHidden = await cloud.Client.ReceiveMessageAsync(Receive(url));
        cloud.Time.Advance(TimeSpan.FromSeconds(1));
        var second = Assert.Single((await cloud.Client.ReceiveMessageAsync(Receive(url))).Messages);

        Assert.Empty(whileHidden.Messages ?? []);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("1", first.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("2", second.Attributes["ApproximateReceiveCount"]);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
    }

    [Fact]
    public async Task A_receive_level_visibility_timeout_overrides_the_queue_default()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "300" });
        await cloud.Client.SendMessageAsync(url, "m");

        await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 5 });
        cloud.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
    }

    [Fact]
    public async Task Deleting_with_a_stale_receipt_succeeds_but_keeps_the_message_as_sqs_does()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "10" });
        await cloud.Client.SendMessageAsync(url, "m");
        var first = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
        cloud.Time.Advance(TimeSpan.FromSeconds(10));
        var second = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);

        await cloud.Client.DeleteMessageAsync(url, first.ReceiptHandle);
        cloud.Time.Advance(TimeSpan.FromSeconds(10));
        var third = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
        await cloud.Client.DeleteMessageAsync(url, third.ReceiptHandle);
        cloud.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(second.MessageId, third.MessageId);
        Assert.Empty((await cloud.Client.ReceiveMessageAsync(url)).Messages ?? []);
    }

    [Fact]
    public async Task Changing_visibility_to_zero_makes_the_message_available_at_once()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "300" });
        await cloud.Client.SendMessageAsync(url, "m");
        var first = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);

        await cloud.Client.ChangeMessageVisibilityAsync(url, first.ReceiptHandle, 0);

        Assert.Equal(first.MessageId, Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages).MessageId);
    }

    [Fact]
    public async Task Extending_visibility_keeps_the_message_hidden_past_the_original_timeout()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "10" });
        await cloud.Client.SendMessageAsync(url, "m");
        var message = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);

        await cloud.Client.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 60);
        cloud.Time.Advance(TimeSpan.FromSeconds(30));
        var hidden = await cloud.Client.ReceiveMessageAsync(url);
        cloud.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(hidden.Messages ?? []);
        Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
    }

    [Fact]
    public async Task A_batch_visibility_change_applies_per_entry_and_reports_failures()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "300" });
        await cloud.Client.SendMessageAsync(url, "a");
        await cloud.Client.SendMessageAsync(url, "b");
        var messages = (await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 2 })).Messages;

        var result = await cloud.Client.ChangeMessageVisibilityBatchAsync(url,
        [
            new ChangeMessageVisibilityBatchRequestEntry("a", messages[0].ReceiptHandle) { VisibilityTimeout = 0 },
            new ChangeMessageVisibilityBatchRequestEntry("b", messages[1].ReceiptHandle) { VisibilityTimeout = 600 },
            new ChangeMessageVisibilityBatchRequestEntry("bad", messages[1].ReceiptHandle) { VisibilityTimeout = 50_000 },
        ]);
        var again = (await cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 })).Messages;

        Assert.Equal(["a", "b"], result.Successful.Select(s => s.Id));
        Assert.Equal("InvalidParameterValue", Assert.Single(result.Failed).Code);
        Assert.Equal(["a"], again.Select(m => m.Body));
    }

    [Fact]
    public async Task After_maxReceiveCount_receives_the_message_moves_to_the_dead_letter_queue()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var dlqUrl = await cloud.CreateQueueAsync("commands-dlq");
        var dlqArn = await cloud.ArnOfAsync(dlqUrl);
        var url = await cloud.CreateQueueAsync("commands", new()
        {
            ["VisibilityTimeout"] = "10",
            ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"2"}""",
        });
        var sent = await cloud.Client.SendMessageAsync(url, "poison");

        var counts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var received = (await cloud.Client.ReceiveMessageAsync(Receive(url))).Messages ?? [];
            counts.AddRange(received.Select(m => m.Attributes["ApproximateReceiveCount"]));
            cloud.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var dead = Assert.Single((await cloud.Client.ReceiveMessageAsync(Receive(dlqUrl))).Messages);
        Assert.Equal(["1", "2"], counts);
        Assert.Equal(sent.MessageId, dead.MessageId);
        Assert.Equal("poison", dead.Body);
        var policy = (await cloud.Client.GetQueueAttributesAsync(url, ["RedrivePolicy"])).Attributes["RedrivePolicy"];
        Assert.Equal($$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":2}""", policy);
        Assert.Equal([url], (await cloud.Client.ListDeadLetterSourceQueuesAsync(new ListDeadLetterSourceQueuesRequest { QueueUrl = dlqUrl })).QueueUrls);
    }

    [Fact]
    public async Task A_move_task_redrives_dead_letters_back_to_their_source_queue()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var dlqUrl = await cloud.CreateQueueAsync("commands-dlq");
        var dlqArn = await cloud.ArnOfAsync(dlqUrl);
        var url = await cloud.CreateQueueAsync("commands", new()
        {
            ["VisibilityTimeout"] = "10",
            ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":1}""",
        });
        await cloud.Client.SendMessageAsync(url, "fixed now");
        await cloud.Client.ReceiveMessageAsync(url);
        cloud.Time.Advance(TimeSpan.FromSeconds(10));
        await cloud.Client.ReceiveMessageAsync(url);

        var task = await cloud.Client.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = dlqArn });
        var tasks = await cloud.Client.ListMessageMoveTasksAsync(new ListMessageMoveTasksRequest { SourceArn = dlqArn });
        var back = Assert.Single((await cloud.Client.ReceiveMessageAsync(Receive(url))).Messages);

        Assert.Equal("fixed now", back.Body);
        Assert.Equal("1", back.Attributes["ApproximateReceiveCount"]);
        Assert.Empty((await cloud.Client.ReceiveMessageAsync(dlqUrl)).Messages ?? []);
        var listed = Assert.Single(tasks.Results);
        Assert.Equal(task.TaskHandle, listed.TaskHandle);
        Assert.Equal("COMPLETED", listed.Status);
        Assert.Equal(1, listed.ApproximateNumberOfMessagesMoved);
    }

    [Fact]
    public async Task A_redrive_policy_naming_a_missing_queue_is_refused()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<InvalidAttributeValueException>(() => cloud.Client.SetQueueAttributesAsync(url, new Dictionary<string, string>
        {
            ["RedrivePolicy"] = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:missing","maxReceiveCount":3}""",
        }));

        Assert.Contains("Dead letter target does not exist", error.Message);
    }

    [Fact]
    public async Task A_move_task_from_a_queue_that_is_no_dead_letter_queue_is_refused()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var arn = await cloud.ArnOfAsync(await cloud.CreateQueueAsync("plain"));

        var error = await Assert.ThrowsAsync<AmazonSQSException>(
            () => cloud.Client.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = arn }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("Dead Letter Queue", error.Message);
    }
}
