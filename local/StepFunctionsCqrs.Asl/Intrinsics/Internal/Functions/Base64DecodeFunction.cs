using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.Base64Decode(base64)</c>: decodes a Base64 string of at most 10,000 characters into UTF-8 text.</summary>
internal sealed class Base64DecodeFunction : IntrinsicFunction
{
    /// <summary>The longest input accepted.</summary>
    public const int MaxInputLength = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string Name => "States.Base64Decode";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var text = arguments.String(0);
        if (text.Length > MaxInputLength)
        {
            throw arguments.Failure($"the input has {text.Length} characters, but at most {MaxInputLength} are allowed.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw arguments.Failure("the input is not valid Base64.");
        }

        try
        {
            return JsonValue.Create(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            throw arguments.Failure("the decoded bytes are not valid UTF-8 text.");
        }
    }
}
