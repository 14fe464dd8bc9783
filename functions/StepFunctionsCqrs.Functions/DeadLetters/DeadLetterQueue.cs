using System.Globalization;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.StepFunctions;

namespace StepFunctionsCqrs.Functions.DeadLetters;

/// <summary>Lists and redrives the commands dead-letter queue; Step Functions is asked whether a listed command's id was reused.</summary>
public sealed class DeadLetterQueue(IAmazonSQS sqs, string deadLetterQueueUrl, IStepFunctionsClient stepFunctions, string stateMachineArn)
{
    private const int PreviewCharacters = 120;

    // Long enough to sweep the queue once without seeing a message twice; released right after.
    private const int PeekVisibilitySeconds = 60;

    /// <summary>Every message now in the queue (up to <paramref name="max"/>), left in place.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, Message>(StringComparer.Ordinal);
        try
        {
            while (seen.Count < max)
            {
                var batch = await ReceiveAsync(Math.Min(10, max - seen.Count), PeekVisibilitySeconds, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    seen.TryAdd(message.MessageId, message);
                }
            }
        }
        finally
        {
            foreach (var message in seen.Values)
            {
                await sqs.ChangeMessageVisibilityAsync(deadLetterQueueUrl, message.ReceiptHandle, 0, CancellationToken.None).ConfigureAwait(false);
            }
        }

        var letters = new List<DeadLetter>(seen.Count);
        foreach (var message in seen.Values)
        {
            letters.Add(await DescribeAsync(message, cancellationToken).ConfigureAwait(false));
        }

        return letters;
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> messages back to the commands queue with the authority they first had,
    /// deleting each only after it was sent; one that cannot be re-sent faithfully stays, with the reason.
    /// </summary>
    public async Task<RedriveOutcome> RedriveAsync(string commandsQueueUrl, int max, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var moved = 0;
        var left = new Dictionary<string, (Message Message, string Reason)>(StringComparer.Ordinal);
        try
        {
            while (moved < max)
            {
                var batch = await ReceiveAsync(Math.Min(10, max - moved), PeekVisibilitySeconds, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0 || batch.All(m => left.ContainsKey(m.MessageId)))
                {
                    break;
                }

                foreach (var message in batch)
                {
                    if (RedriveMessage.For(message, commandsQueueUrl, out var problem) is not { } request)
                    {
                        left[message.MessageId] = (message, problem!);
                        continue;
                    }

                    await sqs.SendMessageAsync(request, cancellationToken).ConfigureAwait(false);
                    await sqs.DeleteMessageAsync(deadLetterQueueUrl, message.ReceiptHandle, cancellationToken).ConfigureAwait(false);
                    progress?.Report(++moved);
                }
            }
        }
        finally
        {
            foreach (var (message, _) in left.Values)
            {
                await sqs.ChangeMessageVisibilityAsync(deadLetterQueueUrl, message.ReceiptHandle, 0, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return new RedriveOutcome(moved, [.. left.Values.Select(l => new LeftInPlace(l.Message.MessageId, l.Reason))]);
    }

    private async Task<List<Message>> ReceiveAsync(int count, int visibilitySeconds, CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = deadLetterQueueUrl,
            MaxNumberOfMessages = count,
            VisibilityTimeout = visibilitySeconds,
            // Short polling samples only some SQS hosts and may answer empty while messages remain; an empty long
            // poll means the queue really is empty, which is when the sweeps above stop.
            WaitTimeSeconds = 1,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        }, cancellationToken).ConfigureAwait(false);
        return response.Messages ?? [];
    }

    private async Task<DeadLetter> DescribeAsync(Message message, CancellationToken cancellationToken)
    {
        var attributes = message.Attributes ?? [];
        var body = message.Body ?? "";
        return new DeadLetter(
            message.MessageId,
            attributes.GetValueOrDefault("SenderId"),
            int.TryParse(attributes.GetValueOrDefault("ApproximateReceiveCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0,
            long.TryParse(attributes.GetValueOrDefault("SentTimestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sent)
                ? DateTimeOffset.FromUnixTimeMilliseconds(sent)
                : null,
            await DeadLetterDiagnosis.WhyAsync(message.Body, stepFunctions, stateMachineArn, cancellationToken).ConfigureAwait(false),
            body.Length <= PreviewCharacters ? body : body[..PreviewCharacters] + "…",
            Encoding.UTF8.GetByteCount(body));
    }
}
