using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.ArrayLength(array)</c>: the number of elements.</summary>
internal sealed class ArrayLengthFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayLength";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope) =>
        JsonValue.Create(arguments.Array(0).Count);
}
