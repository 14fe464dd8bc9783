using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.StringToJson(text)</c>: parses an escaped JSON string into JSON; null or blank text gives null.</summary>
internal sealed class StringToJsonFunction : IntrinsicFunction
{
    public override string Name => "States.StringToJson";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        // Like the service's JSON reader, null or blank text reads as JSON null rather than failing.
        if (arguments[0] is null)
        {
            return null;
        }

        var text = arguments.String(0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

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
