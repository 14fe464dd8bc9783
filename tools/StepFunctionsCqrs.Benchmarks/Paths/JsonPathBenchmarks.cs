using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Benchmarks.Paths;

/// <summary>Cost of evaluating precompiled paths, the hottest operation in every state's data flow.</summary>
[MemoryDiagnoser]
public class JsonPathBenchmarks
{
    private readonly JsonPath _nestedField = JsonPath.Parse("$.a.b");
    private readonly JsonPath _arrayElement = JsonPath.Parse("$.items[2].price");
    private readonly JsonPath _contextField = JsonPath.Parse("$$.Execution.Id");
    private readonly JsonPath _variableField = JsonPath.Parse("$order.id");
    private readonly JsonPath _filter = JsonPath.Parse("$.items[?(@.price < 10)].name");
    private readonly JsonPath _descent = JsonPath.Parse("$..price");
    private readonly JsonPath _resultPath = JsonPath.Parse("$.result.value");
    private PathScope _scope = null!;
    private JsonNode _target = null!;

    /// <summary>Builds the documents once; selection does not change them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var input = JsonNode.Parse("""
            {
              "a": { "b": 1, "c": "x" },
              "items": [
                { "name": "pen", "price": 2.5 },
                { "name": "book", "price": 12 },
                { "name": "cup", "price": 7 },
                { "name": "lamp", "price": 30 }
              ]
            }
            """);
        var context = JsonNode.Parse("""{ "Execution": { "Id": "arn:aws:states:us-east-1:123456789012:execution:m:e" } }""");
        var variables = new Dictionary<string, JsonNode?> { ["order"] = JsonNode.Parse("""{ "id": "o-1" }""") };
        _scope = new PathScope(input, context, variables);
        _target = JsonNode.Parse("""{ "keep": true }""")!;
    }

    /// <summary><c>$.a.b</c>.</summary>
    [Benchmark(Baseline = true)]
    public JsonNode? SelectNestedField() => _nestedField.Select(_scope);

    /// <summary><c>$.items[2].price</c>.</summary>
    [Benchmark]
    public JsonNode? SelectArrayElement() => _arrayElement.Select(_scope);

    /// <summary><c>$$.Execution.Id</c>.</summary>
    [Benchmark]
    public JsonNode? SelectContextField() => _contextField.Select(_scope);

    /// <summary><c>$order.id</c>.</summary>
    [Benchmark]
    public JsonNode? SelectVariableField() => _variableField.Select(_scope);

    /// <summary><c>$.items[?(@.price &lt; 10)].name</c>.</summary>
    [Benchmark]
    public JsonNode? SelectWithFilter() => _filter.Select(_scope);

    /// <summary><c>$..price</c>.</summary>
    [Benchmark]
    public JsonNode? SelectRecursiveDescent() => _descent.Select(_scope);

    /// <summary>ResultPath <c>$.result.value</c> onto a small object.</summary>
    [Benchmark]
    public JsonNode? ApplyResultPath() => _resultPath.Apply(_target, JsonValue.Create(42));

    /// <summary>Compiling <c>$.a.b</c>, paid once per definition.</summary>
    [Benchmark]
    public JsonPath ParseReferencePath() => JsonPath.Parse("$.a.b");
}
