using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.Array(values…)</c>: the arguments as an array, in order.</summary>
internal sealed class ArrayFunction : IntrinsicFunction
{
    public override string Name => "States.Array";

    public override int MinArguments => 0;

    public override int MaxArguments => int.MaxValue;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var result = new JsonArray();
        for (var i = 0; i < arguments.Count; i++)
        {
            result.Add(arguments.Copy(i));
        }

        return result;
    }
}
