using StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>Every intrinsic function the JSONPath query language defines, by full name.</summary>
internal static class IntrinsicFunctionCatalog
{
    private static readonly Dictionary<string, IntrinsicFunction> Functions = new IntrinsicFunction[]
    {
        new FormatFunction(),
        new StringToJsonFunction(),
        new JsonToStringFunction(),
        new ArrayFunction(),
        new ArrayPartitionFunction(),
        new ArrayContainsFunction(),
        new ArrayRangeFunction(),
        new ArrayGetItemFunction(),
        new ArrayLengthFunction(),
        new ArrayUniqueFunction(),
        new Base64EncodeFunction(),
        new Base64DecodeFunction(),
        new HashFunction(),
        new JsonMergeFunction(),
        new MathRandomFunction(),
        new MathAddFunction(),
        new StringSplitFunction(),
        new UuidFunction(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The names, for error messages.</summary>
    public static IEnumerable<string> Names => Functions.Keys;

    /// <summary>Finds a function by its full name, e.g. <c>States.Format</c>; names are case-sensitive.</summary>
    public static bool TryGet(string name, out IntrinsicFunction function) =>
        Functions.TryGetValue(name, out function!);
}
