using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.Intrinsics;

/// <summary>The intrinsic functions with the examples of the developer guide.</summary>
public class IntrinsicFunctionsConformanceTests
{
    private static async Task<ExecutionResult> Evaluate(string expression, string input)
    {
        var escaped = JsonValue.Create(expression)!.ToJsonString();
        return await Machines.Run(Machines.Single($$"""{ "Type": "Pass", "Parameters": { "r.$": {{escaped}} }, "End": true }"""), input);
    }

    private static async Task<JsonNode?> Value(string expression, string input = "{}")
    {
        var result = await Evaluate(expression, input);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        return result.Output!["r"];
    }

    [Fact]
    public async Task States_Format_fills_each_placeholder_with_the_next_argument()
    {
        var value = await Value("States.Format('Hello, my name is {}.', $.name)", """{ "name": "Arnav" }""");
        Assert.Equal("Hello, my name is Arnav.", value!.GetValue<string>());
    }

    [Fact]
    public async Task States_Format_renders_numbers_Booleans_and_null_as_JSON_text()
    {
        var value = await Value("States.Format('{} {} {}', 3, true, $.n)", """{ "n": null }""");
        Assert.Equal("3 true null", value!.GetValue<string>());
    }

    [Fact]
    public async Task States_JsonToString_and_States_StringToJson_round_trip()
    {
        Machines.Equal("""{ "a": [1, "x"] }""", await Value("States.StringToJson(States.JsonToString($.o))", """{ "o": { "a": [1, "x"] } }"""));
    }

    [Fact]
    public async Task States_StringToJson_parses_an_escaped_JSON_string()
    {
        Machines.Equal("""{ "foo": "bar" }""", await Value("States.StringToJson($.s)", """{ "s": "{\"foo\": \"bar\"}" }"""));
    }

    [Fact]
    public async Task States_JsonToString_serializes_compactly()
    {
        var value = await Value("States.JsonToString($.o)", """{ "o": { "a": 1, "b": [true, null] } }""");
        Assert.Equal("""{"a":1,"b":[true,null]}""", value!.GetValue<string>());
    }

    [Fact]
    public async Task States_Array_packs_its_arguments_into_an_array()
    {
        Machines.Equal("""["Foo", 2020, { "a": 1 }, null]""", await Value("States.Array('Foo', 2020, $.o, null)", """{ "o": { "a": 1 } }"""));
    }

    [Fact]
    public async Task States_ArrayPartition_splits_into_chunks_with_a_shorter_last_chunk()
    {
        Machines.Equal("[[1,2,3,4],[5,6,7,8],[9]]", await Value("States.ArrayPartition($.a, 4)", """{ "a": [1,2,3,4,5,6,7,8,9] }"""));
    }

    [Fact]
    public async Task States_ArrayContains_looks_for_an_equal_value()
    {
        Assert.True((await Value("States.ArrayContains($.a, $.v)", """{ "a": [1,2,3], "v": 3 }"""))!.GetValue<bool>());
        Assert.False((await Value("States.ArrayContains($.a, 4)", """{ "a": [1,2,3] }"""))!.GetValue<bool>());
    }

    [Fact]
    public async Task States_ArrayRange_counts_from_start_to_end_inclusive_by_step()
    {
        Machines.Equal("[1,3,5,7,9]", await Value("States.ArrayRange(1, 9, 2)"));
        Machines.Equal("[10,8,6]", await Value("States.ArrayRange(10, 6, -2)"));
    }

    [Fact]
    public async Task States_ArrayRange_of_more_than_1000_items_fails_with_States_IntrinsicFailure()
    {
        var result = await Evaluate("States.ArrayRange(1, 2000, 1)", "{}");
        Assert.Equal(ErrorNames.IntrinsicFailure, result.Error);
    }

    [Fact]
    public async Task States_ArrayGetItem_returns_the_item_at_a_zero_based_index()
    {
        Assert.Equal("6", (await Value("States.ArrayGetItem($.a, $.i)", """{ "a": [1,2,3,4,5,6,7,8,9], "i": 5 }"""))!.ToJsonString());
    }

    [Fact]
    public async Task States_ArrayLength_counts_the_items()
    {
        Assert.Equal("9", (await Value("States.ArrayLength($.a)", """{ "a": [1,2,3,4,5,6,7,8,9] }"""))!.ToJsonString());
    }

    [Fact]
    public async Task States_ArrayUnique_removes_duplicates_keeping_first_occurrences()
    {
        Machines.Equal("[1,2,3,4]", await Value("States.ArrayUnique($.a)", """{ "a": [1,2,3,3,3,3,3,3,4] }"""));
    }

    [Fact]
    public async Task States_Base64Encode_and_Base64Decode_round_trip()
    {
        Assert.Equal("RGF0YSB0byBlbmNvZGU=", (await Value("States.Base64Encode('Data to encode')"))!.GetValue<string>());
        Assert.Equal("Data to encode", (await Value("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"))!.GetValue<string>());
    }

    [Fact]
    public async Task States_Hash_returns_the_lowercase_hex_digest()
    {
        Assert.Equal("aaff4a450a104cd177d28d18d74485e8cae074b7", (await Value("States.Hash($.d, 'SHA-1')", """{ "d": "input data" }"""))!.GetValue<string>());
        Assert.Equal("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3", (await Value("States.Hash('input data', 'SHA-256')"))!.GetValue<string>());
    }

    [Fact]
    public async Task States_Hash_with_an_unknown_algorithm_fails_with_States_IntrinsicFailure()
    {
        var result = await Evaluate("States.Hash('x', $.algorithm)", """{ "algorithm": "SHA-3" }""");
        Assert.Equal(ErrorNames.IntrinsicFailure, result.Error);
    }

    [Fact]
    public async Task States_JsonMerge_is_shallow_and_the_right_object_wins()
    {
        var value = await Value("States.JsonMerge($.json1, $.json2, false)", """
            { "json1": { "a": { "a1": 1, "a2": 2 }, "b": 2 }, "json2": { "a": { "a3": 1, "a4": 2 }, "c": 3 } }
            """);
        Machines.Equal("""{ "a": { "a3": 1, "a4": 2 }, "b": 2, "c": 3 }""", value);
    }

    [Fact]
    public async Task States_MathAdd_adds_two_numbers()
    {
        Assert.Equal("110", (await Value("States.MathAdd($.v, -1)", """{ "v": 111 }"""))!.ToJsonString());
    }

    [Fact]
    public async Task States_MathRandom_stays_within_its_range()
    {
        for (var i = 0; i < 5; i++)
        {
            var value = long.Parse((await Value("States.MathRandom(1, 5)"))!.ToJsonString());
            Assert.InRange(value, 1, 5);
        }
    }

    [Fact]
    public async Task States_StringSplit_splits_on_any_of_the_delimiter_characters()
    {
        Machines.Equal("""["1","2","3","4","5"]""", await Value("States.StringSplit($.s, ',')", """{ "s": "1,2,3,4,5" }"""));
        Machines.Equal("""["This","is","a","test","string"]""", await Value("States.StringSplit('This.is+a,test=string', '.+,=')"));
    }

    [Fact]
    public async Task States_UUID_returns_a_version_4_uuid()
    {
        var text = (await Value("States.UUID()"))!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", text);
    }

    [Fact]
    public async Task Intrinsics_nest_and_read_the_context_object()
    {
        var result = await Machines.Run(Machines.Single("""{ "Type": "Pass", "Parameters": { "r.$": "States.Format('{}-{}', $$.Execution.Name, States.ArrayLength($.a))" }, "End": true }"""),
            """{ "a": [1, 2] }""", options: new ExecutionOptions("exec"));
        Assert.Equal("exec-2", result.Output!["r"]!.GetValue<string>());
    }

    [Fact]
    public async Task Intrinsics_work_in_ResultSelector()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::work", _ => Machines.Json("""{ "items": [1, 2, 3] }"""));
        var result = await Machines.Run(Machines.Single("""{ "Type": "Task", "Resource": "arn:aws:states:::work", "ResultSelector": { "n.$": "States.ArrayLength($.items)" }, "End": true }"""), "{}", tasks);
        Machines.Equal("""{ "n": 3 }""", result.Output);
    }

    [Fact]
    public async Task An_escaped_quote_inside_an_intrinsic_string_literal_is_kept()
    {
        Assert.Equal("it's {here}", (await Value("States.Format('it\\'s \\{{}\\}', 'here')"))!.GetValue<string>());
    }

    [Theory]
    [InlineData("States.JsonMerge($.a, $.b, true)", """{ "a": {}, "b": {} }""")]
    [InlineData("States.ArrayRange(1, 3, 0)", "{}")]
    [InlineData("States.ArrayGetItem($.a, 5)", """{ "a": [1, 2] }""")]
    [InlineData("States.StringToJson($.s)", """{ "s": "{not json" }""")]
    [InlineData("States.ArrayPartition($.a, 0)", """{ "a": [1, 2] }""")]
    [InlineData("States.MathAdd($.s, 1)", """{ "s": "one" }""")]
    [InlineData("States.ArrayLength($.s)", """{ "s": "not an array" }""")]
    public async Task An_intrinsic_given_invalid_arguments_at_run_time_fails_with_States_IntrinsicFailure(string expression, string input)
    {
        var result = await Evaluate(expression, input);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorNames.IntrinsicFailure, result.Error);
    }

    [Fact]
    public async Task An_intrinsic_failure_can_be_caught_by_States_ALL()
    {
        var result = await Machines.Run("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Branches": [ { "StartAt": "X", "States": { "X": { "Type": "Pass", "Parameters": { "v.$": "States.ArrayGetItem($.a, 9)" }, "End": true } } } ],
                       "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Succeed" } } }
            """, """{ "a": [] }""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task An_intrinsic_argument_path_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await Evaluate("States.ArrayLength($.missing)", "{}");
        Assert.Equal(ErrorNames.Runtime, result.Error);
    }
}
