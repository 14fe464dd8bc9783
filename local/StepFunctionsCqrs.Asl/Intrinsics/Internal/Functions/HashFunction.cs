using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.Hash(data, algorithm)</c>: the lowercase hex digest of a string of at most 10,000 characters with MD5, SHA-1, SHA-256, SHA-384 or SHA-512.</summary>
internal sealed class HashFunction : IntrinsicFunction
{
    /// <summary>The longest input accepted.</summary>
    public const int MaxInputLength = 10_000;

    private static readonly string[] Algorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

    public override string Name => "States.Hash";

    public override int MinArguments => 2;

    public override int MaxArguments => 2;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var data = arguments.String(0);
        var algorithm = arguments.String(1);
        if (data.Length > MaxInputLength)
        {
            throw arguments.Failure($"the data has {data.Length} characters, but at most {MaxInputLength} are allowed.");
        }

        var bytes = Encoding.UTF8.GetBytes(data);
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw arguments.Failure($"the algorithm '{algorithm}' is not supported; use one of {string.Join(", ", Algorithms)}."),
        };
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
}
