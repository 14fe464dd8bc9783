using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.Authorization;

namespace StepFunctionsCqrs.Functions.DeadLetters;

/// <summary>
/// The message redrive sends for a dead letter: the same body and attributes, and the first sender named in
/// <see cref="CallerAttributes.OriginalSender"/>. SQS stamps the operator as the new SenderId; Validate judges the
/// message as its first sender only when the operator is an admin, so redrive never lends the operator's authority.
/// </summary>
public static class RedriveMessage
{
    // SQS allows ten message attributes on a message.
    private const int MaxAttributes = 10;

    /// <summary>The request re-sending <paramref name="letter"/>, or why it cannot be re-sent faithfully.</summary>
    public static SendMessageRequest? For(Message letter, string commandsQueueUrl, out string? problem)
    {
        problem = null;
        var attributes = new Dictionary<string, MessageAttributeValue>(letter.MessageAttributes ?? [], StringComparer.Ordinal);

        // Any sender can set this attribute, so one already present is no proof: re-sent as it is, an admin's redrive
        // would make Validate believe it. A message redriven before is left for an operator to judge.
        if (attributes.ContainsKey(CallerAttributes.OriginalSender))
        {
            problem = $"It already names a first sender in '{CallerAttributes.OriginalSender}' (redriven before, or set by whoever sent it), which redrive cannot verify.";
            return null;
        }

        var firstSender = letter.Attributes?.GetValueOrDefault("SenderId");
        if (string.IsNullOrEmpty(firstSender))
        {
            problem = "SQS reported no SenderId for it, so the authority it was sent with is unknown.";
            return null;
        }

        attributes[CallerAttributes.OriginalSender] = new MessageAttributeValue { DataType = "String", StringValue = firstSender };
        if (attributes.Count > MaxAttributes)
        {
            problem = $"It already carries {attributes.Count - 1} message attributes, so naming its first sender would exceed SQS's {MaxAttributes}.";
            return null;
        }

        return new SendMessageRequest { QueueUrl = commandsQueueUrl, MessageBody = letter.Body, MessageAttributes = attributes };
    }
}
