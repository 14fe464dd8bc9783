using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Internal;

// Payloads parsed from JSON text keep their strings as raw UTF-8, which the size check reads without decoding,
// so these cases run on parsed text rather than on nodes built in code.
public class PayloadSizeTests
{
    private const string PassThrough = """{ "Type": "Pass", "End": true }""";
    private const string Resource = "arn:aws:lambda:us-east-1:123456789012:function:big";

    [Fact]
    public async Task Input_parsed_from_text_with_a_string_over_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await Machines.Run(Machines.Single(PassThrough), $$"""{ "big": "{{new string('x', 300 * 1024)}}" }""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task Input_parsed_from_text_just_under_256_KiB_runs()
    {
        var result = await Machines.Run(Machines.Single(PassThrough), $$"""{ "big": "{{new string('x', 255 * 1024)}}" }""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_large_string_nested_in_arrays_and_objects_counts_toward_the_limit()
    {
        var result = await Machines.Run(Machines.Single(PassThrough), $$"""{ "a": [1, { "b": [true, "{{new string('x', 300 * 1024)}}"] }] }""");
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task Many_small_parsed_strings_that_add_up_past_256_KiB_fail_with_States_DataLimitExceeded()
    {
        var members = string.Join(", ", Enumerable.Range(0, 3000).Select(i => $$"""
            "field{{i}}": "{{new string('y', 100)}}"
            """));
        var result = await Machines.Run(Machines.Single(PassThrough), "{ " + members + " }");
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Fact]
    public async Task A_task_result_parsed_from_text_over_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var big = $$"""{ "big": "{{new string('z', 300 * 1024)}}" }""";
        var tasks = new ScriptedTasks().On(Resource, _ => JsonNode.Parse(big));
        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "End": true }"""), "{}", tasks);
        Assert.Equal(ErrorNames.DataLimitExceeded, result.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_object_input_of_exactly_256_KiB_runs_and_one_byte_more_fails(int extra)
    {
        // {"a":1,"b":true,"c":null,"d":[1,2],"s":"…"} serialized compactly, padded to the limit plus extra bytes.
        const string Frame = "{\"a\":1,\"b\":true,\"c\":null,\"d\":[1,2],\"s\":\"\"}";
        var input = Frame.Insert(Frame.Length - 2, new string('x', 256 * 1024 - Frame.Length + extra));
        Assert.Equal(256 * 1024 + extra, System.Text.Encoding.UTF8.GetByteCount(input));

        var result = await Machines.Run(Machines.Single(PassThrough), input);

        Assert.Equal(extra == 0 ? ExecutionStatus.Succeeded : ExecutionStatus.Failed, result.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_built_result_is_measured_in_UTF8_bytes_at_the_limit(int extra)
    {
        // Two-byte characters: counting characters instead of bytes would let this through at half the size.
        var text = new string('é', (256 * 1024 - 8 + extra) / 2) + ((256 * 1024 - 8 + extra) % 2 == 1 ? "x" : "");
        var tasks = new ScriptedTasks().On(Resource, _ => new JsonObject { ["t"] = text });

        var result = await Machines.Run(Machines.Single($$"""{ "Type": "Task", "Resource": "{{Resource}}", "End": true }"""), "{}", tasks);

        Assert.Equal(extra == 0 ? ExecutionStatus.Succeeded : ExecutionStatus.Failed, result.Status);
    }
}
