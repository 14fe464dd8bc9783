using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.StringSplit(text, delimiters)</c>: splits at every character of the delimiter string, dropping empty pieces.</summary>
internal sealed class StringSplitFunction : IntrinsicFunction
{
    public override string Name => "States.StringSplit";

    public override int MinArguments => 2;

    public override int MaxArguments => 2;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var text = arguments.String(0);
        var delimiters = arguments.String(1);
        var result = new JsonArray();
        foreach (var piece in text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
        {
            result.Add(JsonValue.Create(piece));
        }

        return result;
    }
}
