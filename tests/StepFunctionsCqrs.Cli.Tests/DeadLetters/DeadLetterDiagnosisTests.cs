using StepFunctionsCqrs.Cli.DeadLetters;

namespace StepFunctionsCqrs.Cli.Tests.DeadLetters;

public sealed class DeadLetterDiagnosisTests
{
    [Theory]
    [InlineData("not json at all", "The body is not JSON")]
    [InlineData("[1,2]", "The body is a JSON Array")]
    [InlineData("{\"type\":\"BookRoom\"}", "no string field 'commandId'")]
    [InlineData("{\"commandId\":42}", "no string field 'commandId'")]
    [InlineData("{\"commandId\":\"has spaces and #\"}", "cannot name an execution")]
    [InlineData("{\"commandId\":\"cmd-1\\n\",\"type\":\"BookRoom\"}", "The commandId \"cmd-1\\n\" cannot name an execution")]
    [InlineData("{\"commandId\":\"cmd-1\",\"type\":\"BookRoom\"}", "well-formed enough to dispatch")]
    public void Each_body_gets_the_reason_the_dispatcher_could_not_use_it(string body, string expected)
    {
        Assert.Contains(expected, DeadLetterDiagnosis.Why(body));
    }

    [Fact]
    public void An_oversized_body_is_reported_with_its_size()
    {
        var body = new string('x', 256 * 1024 + 1);

        Assert.Equal($"The body is {body.Length} bytes; at most 262144 are accepted.", DeadLetterDiagnosis.Why(body));
    }

    [Fact]
    public void A_body_within_the_sqs_limit_but_too_big_for_an_execution_input_is_reported_as_such()
    {
        var body = $"{{\"commandId\":\"cmd-1\",\"pad\":\"{new string('x', 262_100)}\"}}";

        Assert.Contains("the execution input would exceed the 262144 bytes", DeadLetterDiagnosis.Why(body));
    }
}
