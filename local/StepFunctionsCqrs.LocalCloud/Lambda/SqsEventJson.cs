using System.Text.Json.Nodes;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>Builds the event Lambda's SQS event source mapping delivers, in Lambda's JSON shape.</summary>
public static class SqsEventJson
{
    private static readonly string[] SystemAttributes = ["ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"];

    /// <summary>The <c>{"Records": [...]}</c> event for a batch received from <paramref name="queueArn"/>.</summary>
    public static JsonObject Build(IEnumerable<Message> messages, string queueArn, string region) => new()
    {
        ["Records"] = new JsonArray([.. messages.Select(m => (JsonNode)Record(m, queueArn, region))]),
    };

    private static JsonObject Record(Message message, string queueArn, string region)
    {
        var attributes = new JsonObject();
        foreach (var name in SystemAttributes)
        {
            if (message.Attributes?.TryGetValue(name, out var value) == true)
            {
                attributes[name] = value;
            }
        }

        foreach (var (name, value) in message.Attributes ?? [])
        {
            attributes[name] ??= value;
        }

        var messageAttributes = new JsonObject();
        foreach (var (name, value) in message.MessageAttributes ?? [])
        {
            messageAttributes[name] = new JsonObject
            {
                ["stringValue"] = value.StringValue,
                ["binaryValue"] = value.BinaryValue is { } binary ? Convert.ToBase64String(binary.ToArray()) : null,
                ["stringListValues"] = new JsonArray([.. (value.StringListValues ?? []).Select(s => (JsonNode?)s)]),
                ["binaryListValues"] = new JsonArray([.. (value.BinaryListValues ?? []).Select(b => (JsonNode?)Convert.ToBase64String(b.ToArray()))]),
                ["dataType"] = value.DataType,
            };
        }

        return new JsonObject
        {
            ["messageId"] = message.MessageId,
            ["receiptHandle"] = message.ReceiptHandle,
            ["body"] = message.Body,
            ["attributes"] = attributes,
            ["messageAttributes"] = messageAttributes,
            ["md5OfBody"] = message.MD5OfBody,
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = queueArn,
            ["awsRegion"] = region,
        };
    }
}
