using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class LongPollingTests
{
    // The clock is fake and only the test moves it, so a long poll can only end by a message arriving or by an Advance.
    private static async Task<T> Settle<T>(Task<T> task, Action step)
    {
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            step();
            await Task.WhenAny(task, Task.Delay(25));
        }

        return await task;
    }

    [Fact]
    public async Task A_long_poll_returns_the_message_as_soon_as_it_is_sent()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        var startedAt = cloud.Time.GetUtcNow();

        var polling = cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 20 });
        await Task.WhenAny(polling, Task.Delay(300));
        Assert.False(polling.IsCompleted, "an empty queue must hold the long poll open");
        await cloud.NewClient("AKIDLATESENDER000003").SendMessageAsync(url, "arrived");
        var received = await polling.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("arrived", Assert.Single(received.Messages).Body);
        Assert.Equal(startedAt, cloud.Time.GetUtcNow());
    }

    [Fact]
    public async Task An_empty_long_poll_ends_empty_once_the_wait_time_has_passed()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        var startedAt = cloud.Time.GetUtcNow();

        var received = await Settle(
            cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 5 }),
            () => cloud.Time.Advance(TimeSpan.FromSeconds(1)));

        Assert.Empty(received.Messages ?? []);
        Assert.True(cloud.Time.GetUtcNow() - startedAt >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_long_poll_picks_up_a_message_whose_visibility_timeout_expires_during_the_wait()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "10" });
        await cloud.Client.SendMessageAsync(url, "again");
        var first = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
        var startedAt = cloud.Time.GetUtcNow();

        var received = await Settle(
            cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 20 }),
            () => cloud.Time.Advance(TimeSpan.FromSeconds(2)));

        Assert.Equal(first.MessageId, Assert.Single(received.Messages).MessageId);
        Assert.True(cloud.Time.GetUtcNow() - startedAt < TimeSpan.FromSeconds(20), "the wait ended at the redelivery, not the deadline");
    }

    [Fact]
    public async Task The_queue_default_wait_time_makes_every_receive_a_long_poll()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["ReceiveMessageWaitTimeSeconds"] = "20" });

        var polling = cloud.Client.ReceiveMessageAsync(url);
        await Task.WhenAny(polling, Task.Delay(300));
        Assert.False(polling.IsCompleted, "the queue's ReceiveMessageWaitTimeSeconds must hold the receive open");
        await cloud.Client.SendMessageAsync(url, "m");

        Assert.Equal("m", Assert.Single((await polling.WaitAsync(TimeSpan.FromSeconds(30))).Messages).Body);
    }

    [Fact]
    public async Task Several_long_polls_share_a_batch_without_delivering_a_message_twice()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var polls = Enumerable.Range(0, 3)
            .Select(_ => cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 20, MaxNumberOfMessages = 10 }))
            .ToList();
        await Task.WhenAny(Task.WhenAll(polls), Task.Delay(300));
        await cloud.Client.SendMessageBatchAsync(url, Enumerable.Range(0, 6).Select(i => new SendMessageBatchRequestEntry($"m{i}", $"body{i}")).ToList());
        var results = await Settle(Task.WhenAll(polls), () => cloud.Time.Advance(TimeSpan.FromSeconds(5)));

        var ids = results.SelectMany(r => r.Messages ?? []).Select(m => m.MessageId).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(6, ids.Distinct().Count());
    }
}
