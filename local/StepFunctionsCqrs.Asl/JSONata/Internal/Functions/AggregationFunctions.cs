using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$sum, $max, $min, $average over arrays of numbers, and $count over anything.</summary>
internal static class AggregationFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("sum", "<a<n>:n>", (a, _) => a[0] is JsonataArray items ? items.Sum(i => (double)i!) : null);
        library.Define("count", "<a:n>", (a, _) => a[0] is JsonataArray items ? (double)items.Count : 0.0);
        library.Define("max", "<a<n>:n>", (a, _) => a[0] is JsonataArray { Count: > 0 } items ? items.Max(i => (double)i!) : null);
        library.Define("min", "<a<n>:n>", (a, _) => a[0] is JsonataArray { Count: > 0 } items ? items.Min(i => (double)i!) : null);
        library.Define("average", "<a<n>:n>", (a, _) => a[0] is JsonataArray { Count: > 0 } items ? items.Average(i => (double)i!) : null);
    }
}
