using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>The built-in functions by name (without the $), looked up after every variable scope.</summary>
internal sealed class FunctionLibrary
{
    private readonly Dictionary<string, JsonataFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>Standard JSONata 2.0 functions only.</summary>
    public static FunctionLibrary Core { get; } = Build(includeStepFunctions: false);

    /// <summary>JSONata plus the functions Step Functions adds ($partition, $range, $hash, $random(seed), $uuid, $parse).</summary>
    public static FunctionLibrary StepFunctions { get; } = Build(includeStepFunctions: true);

    public JsonataFunction? Lookup(string name) => _functions.GetValueOrDefault(name);

    public void Define(string name, string signature, Func<object?[], Frame, object?> body) =>
        _functions[name] = new NativeFunction(name, signature, body);

    private static FunctionLibrary Build(bool includeStepFunctions)
    {
        var library = new FunctionLibrary();
        StringFunctions.Register(library);
        NumericFunctions.Register(library);
        AggregationFunctions.Register(library);
        BooleanFunctions.Register(library);
        ArrayFunctions.Register(library);
        ObjectFunctions.Register(library);
        HigherOrderFunctions.Register(library);
        DateTimeFunctions.Register(library);
        if (includeStepFunctions)
        {
            StepFunctionsFunctions.Register(library);
        }
        return library;
    }
}
