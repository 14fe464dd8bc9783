namespace StepFunctionsCqrs.Asl.Tests.Intrinsics;

public class HashIntrinsicTests
{
    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Hash_returns_the_lowercase_hex_digest_for_each_supported_algorithm(string algorithm, string digest)
    {
        IntrinsicAssert.Evaluates($"\"{digest}\"", "States.Hash($.Data, $.Algorithm)", $$"""{ "Data": "input data", "Algorithm": "{{algorithm}}" }""");
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("sha-256")]
    [InlineData("CRC32")]
    public void Hash_rejects_an_algorithm_outside_the_supported_list(string algorithm)
    {
        var cause = IntrinsicAssert.Fails($"States.Hash('x', '{algorithm}')");

        Assert.Contains($"'{algorithm}' is not supported", cause);
        Assert.Contains("MD5, SHA-1, SHA-256, SHA-384, SHA-512", cause);
    }

    [Fact]
    public void Hash_accepts_data_of_at_most_10000_characters()
    {
        Assert.NotNull(IntrinsicAssert.Evaluate("States.Hash($.s, 'MD5')", $$"""{ "s": "{{new string('a', 10_000)}}" }"""));
        Assert.Contains("at most 10000", IntrinsicAssert.Fails("States.Hash($.s, 'MD5')", $$"""{ "s": "{{new string('a', 10_001)}}" }"""));
    }

    [Fact]
    public void Hash_requires_string_data()
    {
        Assert.Contains("argument 1", IntrinsicAssert.Fails("States.Hash($.o, 'MD5')", """{ "o": { "a": 1 } }"""));
    }
}
