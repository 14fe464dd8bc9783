using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Paths.Internal;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.ArrayUnique(array)</c>: the elements without duplicates, each kept at its first occurrence.</summary>
internal sealed class ArrayUniqueFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayUnique";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var array = arguments.Array(0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var element in array)
        {
            if (seen.Add(JsonCanonicalForm.Of(element)))
            {
                result.Add(element?.DeepClone());
            }
        }

        return result;
    }
}
