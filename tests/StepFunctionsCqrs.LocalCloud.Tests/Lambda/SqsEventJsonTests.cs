using Amazon.SQS.Model;
using StepFunctionsCqrs.LocalCloud.Lambda;

namespace StepFunctionsCqrs.LocalCloud.Tests.Lambda;

public sealed class SqsEventJsonTests
{
    [Fact]
    public void A_received_message_becomes_a_record_in_lambdas_sqs_event_shape()
    {
        var message = new Message
        {
            MessageId = "m-1",
            ReceiptHandle = "rh-1",
            Body = "{\"commandId\":\"c-1\"}",
            MD5OfBody = "0123456789abcdef0123456789abcdef",
            Attributes = new Dictionary<string, string>
            {
                ["ApproximateReceiveCount"] = "2", ["SentTimestamp"] = "1700000000000",
                ["SenderId"] = "AIDASENDER", ["ApproximateFirstReceiveTimestamp"] = "1700000000100",
            },
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["trace"] = new() { DataType = "String", StringValue = "t-1" },
            },
        };

        var record = SqsEventJson.Build([message], "arn:aws:sqs:us-east-1:000000000000:commands", "us-east-1")["Records"]!.AsArray().Single()!;

        Assert.Equal("m-1", record["messageId"]!.GetValue<string>());
        Assert.Equal("rh-1", record["receiptHandle"]!.GetValue<string>());
        Assert.Equal("{\"commandId\":\"c-1\"}", record["body"]!.GetValue<string>());
        Assert.Equal("2", record["attributes"]!["ApproximateReceiveCount"]!.GetValue<string>());
        Assert.Equal("AIDASENDER", record["attributes"]!["SenderId"]!.GetValue<string>());
        Assert.Equal("1700000000000", record["attributes"]!["SentTimestamp"]!.GetValue<string>());
        Assert.Equal("1700000000100", record["attributes"]!["ApproximateFirstReceiveTimestamp"]!.GetValue<string>());
        Assert.Equal("t-1", record["messageAttributes"]!["trace"]!["stringValue"]!.GetValue<string>());
        Assert.Equal("String", record["messageAttributes"]!["trace"]!["dataType"]!.GetValue<string>());
        Assert.Equal("0123456789abcdef0123456789abcdef", record["md5OfBody"]!.GetValue<string>());
        Assert.Equal("aws:sqs", record["eventSource"]!.GetValue<string>());
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:commands", record["eventSourceARN"]!.GetValue<string>());
        Assert.Equal("us-east-1", record["awsRegion"]!.GetValue<string>());
    }
}
