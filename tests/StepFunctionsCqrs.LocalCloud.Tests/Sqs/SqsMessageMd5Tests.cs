using Amazon.SQS.Internal;
using StepFunctionsCqrs.LocalCloud.Sqs;
using Sdk = Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.Sqs;

public sealed class SqsMessageMd5Tests
{
    private static readonly Dictionary<string, MessageAttributeValue> Ours = new()
    {
        ["zeta"] = new() { DataType = "String", StringValue = "last by name" },
        ["alpha"] = new() { DataType = "Number.int", StringValue = "42" },
        ["blob"] = new() { DataType = "Binary", BinaryValue = [0, 1, 2, 255] },
        ["ünï"] = new() { DataType = "String", StringValue = "☃" },
    };

    private static Dictionary<string, Sdk.MessageAttributeValue> AsSdk(Dictionary<string, MessageAttributeValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => new Sdk.MessageAttributeValue
        {
            DataType = a.Value.DataType,
            StringValue = a.Value.StringValue,
            BinaryValue = a.Value.BinaryValue is null ? null : new MemoryStream(a.Value.BinaryValue),
        });

    [Fact]
    public void The_attributes_digest_matches_the_one_the_sdk_verifies_against()
    {
        var digest = SqsMessageMd5.OfAttributes(Ours);

        Assert.True(ValidationResponseHandler.CompareMD5(AsSdk(Ours), digest));
    }

    [Fact]
    public void Changing_any_attribute_value_changes_the_digest()
    {
        var changed = new Dictionary<string, MessageAttributeValue>(Ours) { ["alpha"] = new() { DataType = "Number.int", StringValue = "43" } };

        Assert.False(ValidationResponseHandler.CompareMD5(AsSdk(changed), SqsMessageMd5.OfAttributes(Ours)));
    }

    [Fact]
    public void The_body_digest_matches_the_sdk_over_utf8()
    {
        Assert.True(ValidationResponseHandler.CompareMD5("Hôtel ☃ 🏨", SqsMessageMd5.OfBody("Hôtel ☃ 🏨")));
    }

    [Fact]
    public void No_attributes_have_no_digest()
    {
        Assert.Null(SqsMessageMd5.OfAttributes(new Dictionary<string, MessageAttributeValue>()));
        Assert.Null(SqsMessageMd5.OfAttributes(null));
    }
}
