namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>The outcome of checking a signature: who signed, or why the request is refused.</summary>
/// <param name="AccessKey">The access key of the signer, when accepted.</param>
/// <param name="Service">The service the signature is scoped to, when accepted.</param>
/// <param name="Known">True when the key is one the edge knows and its signature was checked.</param>
/// <param name="Fault">Why the request is refused, or null when it is accepted.</param>
public sealed record SignatureVerdict(string? AccessKey, string? Service, bool Known, SignatureFault? Fault)
{
    /// <summary>A refusal.</summary>
    public static SignatureVerdict Refused(string code, string message) => new(null, null, false, new SignatureFault(code, message));
}
