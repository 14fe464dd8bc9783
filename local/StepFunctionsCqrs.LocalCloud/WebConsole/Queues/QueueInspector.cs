using System.Globalization;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.DeadLetters;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Queues;

/// <summary>
/// The commands queue and its dead-letter queue through SQS, with the dead letters diagnosed and redriven by the same
/// rules <c>cqrs dlq</c> uses. Redrive is one of the two writes the console makes.
/// </summary>
public sealed class QueueInspector(ConsoleConnection connection)
{
    /// <summary>Most dead letters the page lists; the depth still counts them all.</summary>
    public const int MaxListed = 100;

    /// <summary>Most dead letters one redrive moves.</summary>
    public const int MaxRedriven = 1000;

    /// <summary>Both queues' depths and the dead letters.</summary>
    public async Task<QueuesOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var resources = connection.Clients.Resources;
        var commands = await DepthAsync(Bootstrap.LocalResources.CommandsQueueName, resources.CommandsQueueUrl, cancellationToken).ConfigureAwait(false);
        var dead = await DepthAsync(Bootstrap.LocalResources.DeadLetterQueueName, resources.DeadLetterQueueUrl, cancellationToken).ConfigureAwait(false);
        var letters = await Queue().ListAsync(MaxListed, cancellationToken).ConfigureAwait(false);
        return new QueuesOverview(commands, dead, letters, MaxListed);
    }

    /// <summary>Moves the dead letters back to the commands queue, each with the authority of its first sender.</summary>
    public Task<RedriveOutcome> RedriveAsync(CancellationToken cancellationToken) =>
        Queue().RedriveAsync(connection.Clients.Resources.CommandsQueueUrl, MaxRedriven, null, cancellationToken);

    private DeadLetterQueue Queue() =>
        new(connection.Clients.Sqs, connection.Clients.Resources.DeadLetterQueueUrl, connection.Clients.StepFunctions, connection.Clients.Resources.StateMachineArn);

    private async Task<QueueDepth> DepthAsync(string name, string url, CancellationToken cancellationToken)
    {
        var response = await connection.Clients.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = url,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"],
        }, cancellationToken).ConfigureAwait(false);
        var attributes = response.Attributes ?? [];
        return new QueueDepth(name, url, Count(attributes, "ApproximateNumberOfMessages"), Count(attributes, "ApproximateNumberOfMessagesNotVisible"),
            Count(attributes, "ApproximateNumberOfMessagesDelayed"));
    }

    private static int Count(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
