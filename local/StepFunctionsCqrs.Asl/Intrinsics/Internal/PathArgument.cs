using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>A path argument such as <c>$.name</c>, <c>$$.Execution.Id</c> or <c>$var</c>; a definite path that matches nothing fails with States.Runtime.</summary>
internal sealed class PathArgument(JsonPath path) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope) => path.Select(scope);

    public override string Describe() => path.Text;
}
