using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.Base64Encode(text)</c>: the UTF-8 bytes of a string of at most 10,000 characters, Base64-encoded.</summary>
internal sealed class Base64EncodeFunction : IntrinsicFunction
{
    /// <summary>The longest input accepted.</summary>
    public const int MaxInputLength = 10_000;

    public override string Name => "States.Base64Encode";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var text = arguments.String(0);
        if (text.Length > MaxInputLength)
        {
            throw arguments.Failure($"the input has {text.Length} characters, but at most {MaxInputLength} are allowed.");
        }

        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }
}
