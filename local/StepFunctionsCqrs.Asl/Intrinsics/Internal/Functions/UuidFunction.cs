using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.UUID()</c>: a random version 4 UUID, drawn from the scope's random source when one is given.</summary>
internal sealed class UuidFunction : IntrinsicFunction
{
    public override string Name => "States.UUID";

    public override int MinArguments => 0;

    public override int MaxArguments => 0;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        if (scope.Random is not { } random)
        {
            return JsonValue.Create(Guid.NewGuid().ToString());
        }

        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return JsonValue.Create(new Guid(bytes, bigEndian: true).ToString());
    }
}
