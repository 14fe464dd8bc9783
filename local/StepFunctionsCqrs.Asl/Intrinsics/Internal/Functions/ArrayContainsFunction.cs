using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Paths.Internal;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.ArrayContains(array, value)</c>: whether an element equals the value (deep equality).</summary>
internal sealed class ArrayContainsFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayContains";

    public override int MinArguments => 2;

    public override int MaxArguments => 2;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var array = arguments.Array(0);
        var sought = arguments[1];
        foreach (var element in array)
        {
            if (JsonValueComparer.AreEqual(element, sought))
            {
                return JsonValue.Create(true);
            }
        }

        return JsonValue.Create(false);
    }
}
