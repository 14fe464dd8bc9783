using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Benchmarks.Intrinsics;

/// <summary>Cost of evaluating precompiled intrinsic calls as payload templates use them.</summary>
[MemoryDiagnoser]
public class IntrinsicBenchmarks
{
    private readonly IntrinsicExpression _format = IntrinsicExpression.Parse("States.Format('Order {} for {}', $.orderId, $.customer.name)");
    private readonly IntrinsicExpression _mathAdd = IntrinsicExpression.Parse("States.MathAdd($.attempt, 1)");
    private readonly IntrinsicExpression _nested = IntrinsicExpression.Parse("States.ArrayGetItem(States.StringSplit($.arn, ':'), 3)");
    private readonly IntrinsicExpression _jsonToString = IntrinsicExpression.Parse("States.JsonToString($.customer)");
    private PathScope _scope = null!;

    /// <summary>Builds the input once; evaluation does not change it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scope = new PathScope(
            JsonNode.Parse("""
                {
                  "orderId": "o-42",
                  "attempt": 2,
                  "arn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                  "customer": { "name": "Ada", "tier": "gold", "tags": ["a", "b"] }
                }
                """),
            null);
    }

    /// <summary><c>States.Format</c> with two path arguments.</summary>
    [Benchmark(Baseline = true)]
    public JsonNode? Format() => _format.Evaluate(_scope);

    /// <summary><c>States.MathAdd($.attempt, 1)</c>.</summary>
    [Benchmark]
    public JsonNode? MathAdd() => _mathAdd.Evaluate(_scope);

    /// <summary>A nested call: split an ARN and pick one part.</summary>
    [Benchmark]
    public JsonNode? NestedSplitAndGetItem() => _nested.Evaluate(_scope);

    /// <summary><c>States.JsonToString</c> of a small object.</summary>
    [Benchmark]
    public JsonNode? JsonToString() => _jsonToString.Evaluate(_scope);

    /// <summary>Compiling a Format call, paid once per definition.</summary>
    [Benchmark]
    public IntrinsicExpression ParseFormat() => IntrinsicExpression.Parse("States.Format('Order {} for {}', $.orderId, $.customer.name)");
}
