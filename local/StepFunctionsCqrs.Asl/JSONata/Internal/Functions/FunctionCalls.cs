using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>How higher-order functions call back: (value, index, array) cut to what the callee declares.</summary>
internal static class FunctionCalls
{
    public static object? CallWithItem(JsonataFunction function, Frame frame, object? value, int index, object? whole)
    {
        var arity = function is NativeFunction or PartialFunction or LambdaFunction ? Math.Max(function.Arity, 1) : 1;
        object?[] arguments = arity switch
        {
            1 => [value],
            2 => [value, (double)index],
            _ => [value, (double)index, whole],
        };
        return function.Invoke(arguments, null, frame);
    }

    public static JsonataArray ToArray(object? value) => value switch
    {
        null => [],
        JsonataArray array => array,
        _ => [value],
    };
}
