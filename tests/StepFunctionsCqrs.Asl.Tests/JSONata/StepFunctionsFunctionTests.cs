using StepFunctionsCqrs.Asl.JSONata;
using static StepFunctionsCqrs.Asl.Tests.JSONata.JsonataAssert;

namespace StepFunctionsCqrs.Asl.Tests.JSONata;

public class StepFunctionsFunctionTests
{
    [Fact]
    public void Partition_chunks_an_array()
    {
        Evaluates("[[1,2],[3,4],[5]]", "$partition([1,2,3,4,5], 2)");
    }

    [Fact]
    public void Range_counts_from_start_to_before_end_by_step()
    {
        Evaluates("[0,2,4,6,8]", "$range(0, 10, 2)");
        Evaluates("[0,1,2]", "$range(0, 3)");
    }

    [Theory]
    [InlineData("MD5", "5d41402abc4b2a76b9719d911017c592")]
    [InlineData("SHA-1", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")]
    [InlineData("SHA-256", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    public void Hash_gives_the_hex_digest(string algorithm, string expected)
    {
        Evaluates($"\"{expected}\"", $"$hash('hello', '{algorithm}')");
    }

    [Fact]
    public void Hash_supports_SHA_384_and_SHA_512()
    {
        Assert.Equal(96, Evaluate("$hash('hello', 'SHA-384')")!.GetValue<string>().Length);
        Assert.Equal(128, Evaluate("$hash('hello', 'SHA-512')")!.GetValue<string>().Length);
    }

    [Fact]
    public void Random_with_a_seed_follows_java_util_Random()
    {
        Evaluates("0.7275636800328681", "$random(42)");
        Evaluates("0.730967787376657", "$random(0)");
    }

    [Fact]
    public void Uuid_is_a_version_4_uuid()
    {
        var uuid = Evaluate("$uuid()")!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
    }

    [Fact]
    public void Parse_reads_a_json_string()
    {
        Evaluates("""{"a":[1,2]}""", "$parse('{\"a\":[1,2]}')");
    }

    [Fact]
    public void The_standard_library_does_not_have_them()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Parse("$uuid()", JsonataLibrary.Standard).Evaluate(null));
        Assert.Equal("T1006", error.Code);
    }
}
