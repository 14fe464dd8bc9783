using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.ArrayPartition(array, chunkSize)</c>: consecutive chunks of the given size, the last possibly shorter.</summary>
internal sealed class ArrayPartitionFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayPartition";

    public override int MinArguments => 2;

    public override int MaxArguments => 2;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var array = arguments.Array(0);
        var size = arguments.RoundedInteger(1);
        if (size <= 0)
        {
            throw arguments.Failure($"the chunk size must be a positive integer, but was {size}.");
        }

        var result = new JsonArray();
        JsonArray? chunk = null;
        for (var i = 0; i < array.Count; i++)
        {
            if (i % size == 0)
            {
                chunk = new JsonArray();
                result.Add(chunk);
            }

            chunk!.Add(array[i]?.DeepClone());
        }

        return result;
    }
}
