using StepFunctionsCqrs.Functions.DeadLetters;

namespace StepFunctionsCqrs.Functions.Tests.DeadLetters;

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
    public void A_body_over_the_command_size_limit_of_64_KiB_is_reported_with_its_size()
    {
        var body = $"{{\"commandId\":\"cmd-1\",\"pad\":\"{new string('x', 64 * 1024)}\"}}";

        Assert.Equal($"The body is {body.Length} bytes; at most 65536 are accepted.", DeadLetterDiagnosis.Why(body));
    }
}
