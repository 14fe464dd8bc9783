using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.Cli.Submitting;

/// <summary>Sends command envelopes to the commands queue; SQS stamps the sender, the pipeline does the rest.</summary>
public sealed class CommandSubmitter(IAmazonSQS sqs, string queueUrl, string endpointForMessages)
{
    /// <summary>Sends one envelope; returns its command id and the SQS message id.</summary>
    public async Task<SubmittedCommand> SubmitAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        var commandId = envelope["commandId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? envelope["commandId"]!.GetValue<string>()
            : "";
        var messageId = await SendRawAsync(envelope.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return new SubmittedCommand(commandId, messageId);
    }

    /// <summary>Sends a body exactly as given (also used to send deliberately malformed traffic).</summary>
    public async Task<string> SendRawAsync(string body, CancellationToken cancellationToken)
    {
        var response = await TargetErrors.GuardAsync(
            () => sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = body }, cancellationToken),
            endpointForMessages, queueUrl).ConfigureAwait(false);
        return response.MessageId;
    }
}

