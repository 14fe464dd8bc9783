using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Paths.Internal;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c> written in the call.</summary>
internal sealed class LiteralArgument(JsonNode? value) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope) => value;

    public override string Describe() => JsonText.Compact(value);
}
