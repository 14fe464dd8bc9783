using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.StringToJson(text)</c>: parses an escaped JSON string into JSON.</summary>
internal sealed class StringToJsonFunction : IntrinsicFunction
{
    public override string Name => "States.StringToJson";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var text = arguments.String(0);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw arguments.Failure($"the string is not valid JSON ({e.Message}).");
        }
    }
}
