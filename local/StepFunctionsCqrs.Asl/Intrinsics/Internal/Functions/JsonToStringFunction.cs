using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Paths.Internal;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.JsonToString(value)</c>: the value as compact JSON text.</summary>
internal sealed class JsonToStringFunction : IntrinsicFunction
{
    public override string Name => "States.JsonToString";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope) =>
        JsonValue.Create(JsonText.Compact(arguments[0]));
}
