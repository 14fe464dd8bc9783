using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.Cli.Aws;

/// <summary>Turns a configured queue (a URL, or a bare name) into its URL.</summary>
public sealed class QueueResolver(IAmazonSQS sqs, string endpointForMessages)
{
    /// <summary>The URL as configured, or the one SQS reports for a name.</summary>
    public async Task<string> UrlOfAsync(string queue, CancellationToken cancellationToken)
    {
        if (queue.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || queue.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return queue;
        }

        var response = await TargetErrors.GuardAsync(
            () => sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = queue }, cancellationToken), endpointForMessages, $"'{queue}'").ConfigureAwait(false);
        return response.QueueUrl;
    }
}
