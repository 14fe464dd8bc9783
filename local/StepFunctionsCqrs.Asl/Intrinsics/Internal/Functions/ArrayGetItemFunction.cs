using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.ArrayGetItem(array, index)</c>: the element at a zero-based index that must lie inside the array.</summary>
internal sealed class ArrayGetItemFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayGetItem";

    public override int MinArguments => 2;

    public override int MaxArguments => 2;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var array = arguments.Array(0);
        var index = arguments.Integer(1);
        if (index < 0 || index >= array.Count)
        {
            throw arguments.Failure($"the index {index} is out of bounds for an array of {array.Count} element(s).");
        }

        return array[(int)index]?.DeepClone();
    }
}
