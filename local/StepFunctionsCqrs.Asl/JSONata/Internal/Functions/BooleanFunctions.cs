using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>$boolean, $not, $exists.</summary>
internal static class BooleanFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("boolean", "<x-:b>", (a, _) => ValueTypes.ToBoolean(a[0]) is { } b ? NodeConversion.Box(b) : null);
        library.Define("not", "<x-:b>", (a, _) => ValueTypes.ToBoolean(a[0]) is { } b ? NodeConversion.Box(!b) : null);
        library.Define("exists", "<x:b>", (a, _) => NodeConversion.Box(a[0] is not null));
    }
}
