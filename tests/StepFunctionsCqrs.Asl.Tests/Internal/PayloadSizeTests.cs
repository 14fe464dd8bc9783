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
}
