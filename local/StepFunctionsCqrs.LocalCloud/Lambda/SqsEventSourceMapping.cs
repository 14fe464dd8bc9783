using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// What Lambda's SQS event source mapping does for one queue and one function: a few pollers long-poll the queue,
/// hand each batch to the function, and delete only the messages it did not report as failed (ReportBatchItemFailures).
/// Messages left behind come back after the queue's visibility timeout, and SQS's redrive policy dead-letters them.
/// </summary>
public sealed class SqsEventSourceMapping : IAsyncDisposable
{
    /// <summary>Messages per batch, as configured on the AWS mapping.</summary>
    public const int BatchSize = 10;

    private readonly IAmazonSQS sqs;
    private readonly string queueUrl;
    private readonly string queueArn;
    private readonly string region;
    private readonly Func<Stream, Task<Stream>> function;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] pollers;
    private readonly Func<CancellationToken, Task> waitForRoom;

    /// <summary>
    /// Starts <paramref name="concurrency"/> pollers feeding <paramref name="function"/> from the queue. Before each
    /// receive a poller awaits <paramref name="waitForRoom"/>, so it takes no more messages than downstream can start.
    /// </summary>
    public SqsEventSourceMapping(
        IAmazonSQS sqs, string queueUrl, string queueArn, string region, Func<Stream, Task<Stream>> function, int concurrency, ILogger logger,
        Func<CancellationToken, Task>? waitForRoom = null)
    {
        this.waitForRoom = waitForRoom ?? (_ => Task.CompletedTask);
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.function = function;
        this.logger = logger;
        pollers = [.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => PollAsync(stop.Token)))];
    }

    /// <summary>Stops polling and waits for the batches in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(pollers).WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await waitForRoom(cancellationToken).ConfigureAwait(false);
                var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = queueUrl,
                    MaxNumberOfMessages = BatchSize,
                    WaitTimeSeconds = 2,
                    MessageSystemAttributeNames = ["All"],
                    MessageAttributeNames = ["All"],
                }, cancellationToken).ConfigureAwait(false);
                if (received.Messages is { Count: > 0 } messages)
                {
                    await DeliverAsync(messages, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Polling {QueueUrl} failed; retrying", queueUrl);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DeliverAsync(List<Message> messages, CancellationToken cancellationToken)
    {
        HashSet<string> failed;
        try
        {
            using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(SqsEventJson.Build(messages, queueArn, region)));
            await using var output = await function(input).ConfigureAwait(false);
            failed = await FailedMessageIdsAsync(output, messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An unhandled error fails the whole batch: nothing is deleted and every message comes back.
            logger.LogError(e, "The function failed on a batch of {Count} messages; all will be delivered again", messages.Count);
            return;
        }

        var done = messages.Where(m => !failed.Contains(m.MessageId)).ToList();
        if (done.Count == 0)
        {
            return;
        }

        var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. done.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle))],
        }, CancellationToken.None).ConfigureAwait(false);
        foreach (var failure in deleted.Failed ?? [])
        {
            logger.LogWarning("Deleting a processed message failed ({Code}: {Message}); it will be delivered again", failure.Code, failure.Message);
        }
    }

    // Lambda's rule: a response naming an id that is not in the batch, or an unreadable response, fails the whole batch.
    private static async Task<HashSet<string>> FailedMessageIdsAsync(Stream output, List<Message> messages, CancellationToken cancellationToken)
    {
        var all = messages.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        await output.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            // No response at all is a success, as for a handler returning nothing.
            return [];
        }

        JsonNode? response;
        try
        {
            response = JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            return all;
        }

        if (response?["batchItemFailures"] is not JsonArray failures)
        {
            return [];
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in failures)
        {
            var id = failure?["itemIdentifier"]?.GetValueKind() == JsonValueKind.String ? failure["itemIdentifier"]!.GetValue<string>() : null;
            if (id is null || !all.Contains(id))
            {
                return all;
            }

            failed.Add(id);
        }

        return failed;
    }
}
