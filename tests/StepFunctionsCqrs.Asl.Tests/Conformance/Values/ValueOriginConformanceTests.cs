using System.Text.Json.Nodes;
using CsCheck;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Conformance.Values;

/// <summary>
/// A value compares, counts and converts the same whatever made it: parsed input, a value built in code, an intrinsic,
/// a task result, a Pass Result, a variable, a Map item or a context object field.
/// </summary>
public sealed class ValueOriginConformanceTests
{
    /// <summary>Each origin puts the number 2 at <c>$.n</c> before the state <c>Check</c> runs.</summary>
    public static TheoryData<string> Origins => ["parsed input", "input built in code", "intrinsic", "task result", "Pass Result", "variable", "Map item index"];

    public static TheoryData<string, string> OriginsAndRules()
    {
        var rules = new[]
        {
            "\"NumericEquals\": 2", "\"NumericLessThanEquals\": 2", "\"NumericGreaterThanEquals\": 2", "\"NumericLessThan\": 3",
            "\"NumericGreaterThan\": 1", "\"NumericEqualsPath\": \"$.n\"", "\"NumericGreaterThanEqualsPath\": \"$.n\"",
            "\"NumericLessThanEqualsPath\": \"$.n\"", "\"IsNumeric\": true",
        };
        var data = new TheoryData<string, string>();
        foreach (var origin in Origins)
        {
            foreach (var rule in rules)
            {
                data.Add(origin, rule);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OriginsAndRules))]
    public async Task A_number_matches_every_numeric_comparison_whatever_made_it(string origin, string rule)
    {
        var check = $$"""
            "Check": { "Type": "Choice", "Choices": [ { "Variable": "$.n", {{rule}}, "Next": "Yes" } ], "Default": "No" },
            "Yes": { "Type": "Pass", "Result": "yes", "End": true },
            "No": { "Type": "Pass", "Result": "no", "End": true }
            """;

        Assert.Equal("yes", await RunAsync(origin, check));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Wait_SecondsPath_TimeoutSecondsPath_and_MaxConcurrencyPath_accept_a_number_whatever_made_it(string origin)
    {
        var check = """
            "Check": { "Type": "Wait", "SecondsPath": "$.n", "Next": "Timed" },
            "Timed": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:echo", "TimeoutSecondsPath": "$.n", "HeartbeatSecondsPath": "$.one", "ResultPath": null, "Next": "Fan" },
            "Fan": { "Type": "Map", "ItemsPath": "$.items", "MaxConcurrencyPath": "$.n", "ItemProcessor": { "StartAt": "Item", "States": { "Item": { "Type": "Pass", "End": true } } }, "ResultPath": null, "Next": "Yes" },
            "Yes": { "Type": "Pass", "Result": "yes", "End": true }
            """;

        Assert.Equal("yes", await RunAsync(origin, check));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Intrinsics_take_a_number_whatever_made_it(string origin)
    {
        var check = """
            "Check": { "Type": "Pass", "Parameters": {
                "sum.$": "States.MathAdd($.n, 1)", "range.$": "States.ArrayRange(0, $.n, 1)", "item.$": "States.ArrayGetItem($.items, $.n)",
                "text.$": "States.Format('{}', $.n)" }, "Next": "Yes" },
            "Yes": { "Type": "Pass", "End": true }
            """;

        var output = await RunOutputAsync(origin, check);

        Machines.Equal("""{ "sum": 3, "range": [0, 1, 2], "item": "c", "text": "2" }""", output);
    }

    [Fact]
    public async Task A_number_built_from_any_CLR_type_compares_as_its_JSON_text_does()
    {
        var made = Gen.OneOf<(JsonNode Node, decimal Value)>(
            Gen.Int[-1000, 1000].Select(i => ((JsonNode)JsonValue.Create(i), (decimal)i)),
            Gen.Long[-1_000_000, 1_000_000].Select(l => ((JsonNode)JsonValue.Create(l), (decimal)l)),
            Gen.Int[-100_000, 100_000].Select(i => ((JsonNode)JsonValue.Create(i / 100m), i / 100m)),
            Gen.Int[-1000, 1000].Select(i => ((JsonNode)JsonValue.Create(i / 4.0), (decimal)(i / 4.0))),
            Gen.Short.Select(s => ((JsonNode)JsonValue.Create(s), (decimal)s)),
            Gen.Byte.Select(b => ((JsonNode)JsonValue.Create(b), (decimal)b)));
        var operators = Gen.OneOf("NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals");

        await Gen.Select(made, Gen.Int[-1000, 1000], operators).SampleAsync(async (left, quarters, op) =>
        {
            var right = quarters / 4m;
            var expected = op switch
            {
                "NumericEquals" => left.Value == right,
                "NumericLessThan" => left.Value < right,
                "NumericGreaterThan" => left.Value > right,
                "NumericLessThanEquals" => left.Value <= right,
                _ => left.Value >= right,
            } ? "yes" : "no";
            var text = right.ToString(System.Globalization.CultureInfo.InvariantCulture);

            // Against a literal of the definition, and through a path to an operand that was also built in code.
            var literal = await Machines.Run(Decision($"\"{op}\": {text}"), new JsonObject { ["n"] = left.Node.DeepClone() });
            var viaPath = await Machines.Run(Decision($"\"{op}Path\": \"$.m\""), new JsonObject { ["n"] = left.Node.DeepClone(), ["m"] = JsonValue.Create(right) });

            Assert.Equal(expected, literal.Output!.GetValue<string>());
            Assert.Equal(expected, viaPath.Output!.GetValue<string>());
        }, iter: 300, threads: 1);
    }

    private static string Decision(string rule) => $$"""
        { "StartAt": "C", "States": {
            "C": { "Type": "Choice", "Choices": [ { "Variable": "$.n", {{rule}}, "Next": "Yes" } ], "Default": "No" },
            "Yes": { "Type": "Pass", "Result": "yes", "End": true },
            "No": { "Type": "Pass", "Result": "no", "End": true } } }
        """;

    private static async Task<string> RunAsync(string origin, string checkStates)
    {
        var output = await RunOutputAsync(origin, checkStates);
        return output!.GetValue<string>();
    }

    private static async Task<JsonNode?> RunOutputAsync(string origin, string checkStates)
    {
        var tasks = new ScriptedTasks()
            .On("arn:aws:lambda:us-east-1:123456789012:function:two", _ => JsonValue.Create(2))
            .On("arn:aws:lambda:us-east-1:123456789012:function:echo", input => input?.DeepClone());
        const string Common = "\"a\": [1, 2], \"items\": [\"a\", \"b\", \"c\"], \"one\": 1";
        JsonNode input = JsonNode.Parse($$"""{ {{Common}} }""")!;
        string make = origin switch
        {
            "parsed input" => """ "Make": { "Type": "Pass", "Next": "Check" }, """,
            "input built in code" => """ "Make": { "Type": "Pass", "Next": "Check" }, """,
            "intrinsic" => """ "Make": { "Type": "Pass", "Parameters": { "n.$": "States.ArrayLength($.a)", "a.$": "$.a", "items.$": "$.items", "one.$": "$.one" }, "Next": "Check" }, """,
            "task result" => """ "Make": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:two", "ResultPath": "$.n", "Next": "Check" }, """,
            "Pass Result" => """ "Make": { "Type": "Pass", "Result": 2, "ResultPath": "$.n", "Next": "Check" }, """,
            "variable" => """
                "Keep": { "Type": "Pass", "Assign": { "count.$": "States.ArrayLength($.a)" }, "Next": "Make" },
                "Make": { "Type": "Pass", "Parameters": { "n.$": "$count", "a.$": "$.a", "items.$": "$.items", "one.$": "$.one" }, "Next": "Check" },
                """,
            "Map item index" => "",
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
        };
        if (origin == "parsed input")
        {
            input = JsonNode.Parse($$"""{ "n": 2, {{Common}} }""")!;
        }
        else if (origin == "input built in code")
        {
            input["n"] = 2;
        }

        if (origin == "Map item index")
        {
            // The third iteration's index is 2, a context object field; only it runs the check, and the Map's output is its.
            var mapped = $$"""
                { "StartAt": "M", "States": { "M": { "Type": "Map", "ItemsPath": "$.items",
                    "ItemSelector": { "n.$": "$$.Map.Item.Index", "a.$": "$.a", "items.$": "$.items", "one.$": "$.one" },
                    "ItemProcessor": { "StartAt": "Pick", "States": {
                        "Pick": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericEquals": 2, "Next": "Check" } ], "Default": "Other" },
                        "Other": { "Type": "Pass", "Result": "other", "End": true },
                        {{checkStates}} } },
                    "OutputPath": "$[2]", "End": true } } }
                """;
            var inMap = await Machines.Run(mapped, input, tasks);
            Assert.True(inMap.Status == ExecutionStatus.Succeeded, $"{inMap.Error}: {inMap.Cause}");
            return inMap.Output;
        }

        var start = origin == "variable" ? "Keep" : "Make";
        var definition = $$"""{ "StartAt": "{{start}}", "States": { {{make}} {{checkStates}} } }""";
        var result = await Machines.Run(definition, input, tasks);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        return result.Output;
    }
}
