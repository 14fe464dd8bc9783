using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class SqsErrorTests
{
    [Fact]
    public async Task An_unknown_queue_name_raises_QueueDoesNotExistException_with_the_legacy_code()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => cloud.Client.GetQueueUrlAsync("missing"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
        Assert.Equal(Amazon.Runtime.ErrorType.Sender, error.ErrorType);
    }

    [Fact]
    public async Task Sending_to_an_unknown_queue_url_raises_QueueDoesNotExistException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        await Assert.ThrowsAsync<QueueDoesNotExistException>(
            () => cloud.Client.SendMessageAsync(new Uri(cloud.Host.Endpoint, "/000000000000/missing").ToString(), "m"));
    }

    [Fact]
    public async Task A_malformed_receipt_handle_raises_ReceiptHandleIsInvalidException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => cloud.Client.DeleteMessageAsync(url, "garbage"));

        Assert.Equal("ReceiptHandleIsInvalid", error.ErrorCode);
        Assert.Contains("garbage", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task A_MaxNumberOfMessages_outside_1_to_10_is_an_InvalidParameterValue(int max)
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<AmazonSQSException>(
            () => cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = max }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("MaxNumberOfMessages", error.Message);
        Assert.Contains(max.ToString(), error.Message);
    }

    [Fact]
    public async Task A_WaitTimeSeconds_over_20_is_an_InvalidParameterValue()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<AmazonSQSException>(
            () => cloud.Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 21 }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("WaitTimeSeconds", error.Message);
    }

    [Fact]
    public async Task Recreating_a_queue_with_different_attributes_raises_QueueNameExistsException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "30" });

        var error = await Assert.ThrowsAsync<QueueNameExistsException>(
            () => cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "60" }));

        Assert.Contains("VisibilityTimeout", error.Message);
    }

    [Fact]
    public async Task An_invalid_queue_name_is_an_InvalidParameterValue_naming_the_rule()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => cloud.CreateQueueAsync("bad name!"));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("alphanumeric", error.Message);
    }

    [Fact]
    public async Task An_unknown_attribute_name_raises_InvalidAttributeNameException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<InvalidAttributeNameException>(() => cloud.Client.GetQueueAttributesAsync(url, ["Colour"]));

        Assert.Contains("Colour", error.Message);
    }

    [Fact]
    public async Task An_out_of_range_attribute_value_raises_InvalidAttributeValueException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidAttributeValueException>(
            () => cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "99999" }));

        Assert.Contains("VisibilityTimeout", error.Message);
        Assert.Contains("43200", error.Message);
    }

    [Fact]
    public async Task A_body_with_a_forbidden_character_raises_InvalidMessageContentsException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<InvalidMessageContentsException>(() => cloud.Client.SendMessageAsync(url, "bell \u0007"));

        Assert.Contains("U+0007", error.Message);
    }

    [Fact]
    public async Task A_body_over_the_maximum_message_size_is_an_InvalidParameterValue()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["MaximumMessageSize"] = "1024" });

        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => cloud.Client.SendMessageAsync(url, new string('x', 1025)));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("1024", error.Message);
    }

    [Fact]
    public async Task A_message_attribute_without_a_value_is_an_InvalidParameterValue_naming_it()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => cloud.Client.SendMessageAsync(new SendMessageRequest(url, "m")
        {
            MessageAttributes = new() { ["tenant"] = new MessageAttributeValue { DataType = "Number", StringValue = "twelve" } },
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("tenant", error.Message);
    }

    [Fact]
    public async Task Changing_visibility_of_a_message_no_longer_in_flight_raises_MessageNotInflightException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["VisibilityTimeout"] = "10" });
        await cloud.Client.SendMessageAsync(url, "m");
        var message = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
        cloud.Time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<MessageNotInflightException>(() => cloud.Client.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 30));
    }

    [Fact]
    public async Task Changing_visibility_with_a_receipt_of_a_deleted_message_is_an_InvalidParameterValue()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        await cloud.Client.SendMessageAsync(url, "m");
        var message = Assert.Single((await cloud.Client.ReceiveMessageAsync(url)).Messages);
        await cloud.Client.DeleteMessageAsync(url, message.ReceiptHandle);

        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => cloud.Client.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 30));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("ReceiptHandle", error.Message);
    }

    [Fact]
    public async Task An_empty_batch_raises_EmptyBatchRequestException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        await Assert.ThrowsAsync<EmptyBatchRequestException>(() => cloud.Client.SendMessageBatchAsync(url, []));
    }

    [Fact]
    public async Task A_batch_of_eleven_raises_TooManyEntriesInBatchRequestException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<TooManyEntriesInBatchRequestException>(() => cloud.Client.SendMessageBatchAsync(
            url, Enumerable.Range(0, 11).Select(i => new SendMessageBatchRequestEntry($"e{i}", "m")).ToList()));

        Assert.Contains("11", error.Message);
    }

    [Fact]
    public async Task Repeated_batch_ids_raise_BatchEntryIdsNotDistinctException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        var error = await Assert.ThrowsAsync<BatchEntryIdsNotDistinctException>(() => cloud.Client.SendMessageBatchAsync(
            url, [new SendMessageBatchRequestEntry("same", "a"), new SendMessageBatchRequestEntry("same", "b")]));

        Assert.Contains("same", error.Message);
    }

    [Fact]
    public async Task A_batch_id_with_forbidden_characters_raises_InvalidBatchEntryIdException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");

        await Assert.ThrowsAsync<InvalidBatchEntryIdException>(() => cloud.Client.DeleteMessageBatchAsync(
            url, [new DeleteMessageBatchRequestEntry("no spaces", "h")]));
    }

    [Fact]
    public async Task A_batch_larger_than_the_maximum_message_size_raises_BatchRequestTooLongException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands", new() { ["MaximumMessageSize"] = "2048" });

        await Assert.ThrowsAsync<BatchRequestTooLongException>(() => cloud.Client.SendMessageBatchAsync(
            url, [new SendMessageBatchRequestEntry("a", new string('a', 1500)), new SendMessageBatchRequestEntry("b", new string('b', 1500))]));
    }

    [Fact]
    public async Task A_second_purge_within_60_seconds_raises_PurgeQueueInProgressException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        var url = await cloud.CreateQueueAsync("commands");
        await cloud.Client.PurgeQueueAsync(url);

        await Assert.ThrowsAsync<PurgeQueueInProgressException>(() => cloud.Client.PurgeQueueAsync(url));
        cloud.Time.Advance(TimeSpan.FromSeconds(60));
        await cloud.Client.PurgeQueueAsync(url);
    }

    [Fact]
    public async Task A_move_task_from_an_unknown_queue_raises_ResourceNotFoundException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => cloud.Client.StartMessageMoveTaskAsync(
            new StartMessageMoveTaskRequest { SourceArn = "arn:aws:sqs:us-east-1:000000000000:missing" }));
    }

    [Fact]
    public async Task Fifo_queues_are_refused_with_a_clear_reason()
    {
        await using var cloud = await SqsTestCloud.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => cloud.CreateQueueAsync("orders.fifo"));

        Assert.Contains("FIFO", error.Message);
    }
}
