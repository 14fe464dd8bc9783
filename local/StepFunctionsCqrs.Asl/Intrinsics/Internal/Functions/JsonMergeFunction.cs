using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.JsonMerge(first, second, false)</c>: a shallow merge where the second object's fields win; deep merge (true) is not supported by the service.</summary>
internal sealed class JsonMergeFunction : IntrinsicFunction
{
    public override string Name => "States.JsonMerge";

    public override int MinArguments => 3;

    public override int MaxArguments => 3;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var first = arguments.Object(0);
        var second = arguments.Object(1);
        if (arguments.Boolean(2))
        {
            throw arguments.Failure("only shallow merging is supported, so the third argument must be false.");
        }

        var merged = (JsonObject)first.DeepClone();
        foreach (var (key, value) in second)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}
