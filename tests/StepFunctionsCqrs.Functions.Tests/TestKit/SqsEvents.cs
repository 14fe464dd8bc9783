using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>SQS events shaped exactly as Lambda's event source mapping delivers them.</summary>
public static class SqsEvents
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:commands";

    public static JsonObject Record(string messageId, string body, string senderId = Envelopes.CommandApiSender, int receiveCount = 1) => new()
    {
        ["messageId"] = messageId,
        ["receiptHandle"] = $"AQEB{messageId}==",
        ["body"] = body,
        ["attributes"] = new JsonObject
        {
            ["ApproximateReceiveCount"] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SentTimestamp"] = "1799566200000",
            ["SenderId"] = senderId,
            ["ApproximateFirstReceiveTimestamp"] = "1799566200123",
        },
        ["messageAttributes"] = new JsonObject(),
        ["md5OfBody"] = "e4e68fb7bd0e697a0ae8f1bb342846b3",
        ["eventSource"] = "aws:sqs",
        ["eventSourceARN"] = QueueArn,
        ["awsRegion"] = "us-east-1",
    };

    /// <summary>The record with a String message attribute set, as the command API's integration sets its caller.</summary>
    public static JsonObject WithAttribute(this JsonObject record, string name, string value)
    {
        record["messageAttributes"]![name] = new JsonObject
        {
            ["stringValue"] = value, ["stringListValues"] = new JsonArray(), ["binaryListValues"] = new JsonArray(), ["dataType"] = "String",
        };
        return record;
    }

    public static string Event(params JsonObject[] records) => new JsonObject { ["Records"] = new JsonArray(records) }.ToJsonString();
}
