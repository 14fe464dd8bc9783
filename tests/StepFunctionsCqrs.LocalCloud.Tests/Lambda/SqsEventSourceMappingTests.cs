using System.Net;
using Amazon.SQS.Model;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Lambda;

[Collection(PipelineCollection.Name)]
public sealed class SqsEventSourceMappingTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_message_dispatch_cannot_use_is_redelivered_until_it_is_dead_lettered_while_its_batch_mate_is_processed()
    {
        var resources = fixture.Cloud.Resources;
        var goodId = $"esm-{Guid.NewGuid():N}";
        var marker = $"not a command {Guid.NewGuid():N}";
        await fixture.CommandApiSqs.SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = resources.CommandsQueueUrl,
            Entries =
            [
                new SendMessageBatchRequestEntry("bad", marker),
                new SendMessageBatchRequestEntry("good", DemoCommands.RegisterHotel(goodId, "admin-1", $"h-{Guid.NewGuid():N}"[..20], "Batch Hotel", "twin", 1).ToJsonString()),
            ],
        });

        Message? deadLettered = null;
        for (var attempt = 0; attempt < 60 && deadLettered is null; attempt++)
        {
            var received = await fixture.CommandApiSqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = resources.DeadLetterQueueUrl, WaitTimeSeconds = 1, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["All"],
            });
            deadLettered = received.Messages?.FirstOrDefault(m => m.Body == marker);
        }

        Assert.NotNull(deadLettered);
        await fixture.CommandApiSqs.DeleteMessageAsync(resources.DeadLetterQueueUrl, deadLettered.ReceiptHandle);
        using var status = await fixture.Http.GetAsync($"/commands/{goodId}");
        Assert.True(status.StatusCode == HttpStatusCode.OK, $"GET /commands/{goodId} answered {(int)status.StatusCode}: {await status.Content.ReadAsStringAsync()}");
    }
}
