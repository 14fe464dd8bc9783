namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>The error codes AWS answers for requests it cannot authenticate.</summary>
public static class SignatureFaults
{
    /// <summary>The request carries no signature at all.</summary>
    public const string MissingAuthenticationToken = "MissingAuthenticationToken";

    /// <summary>The Authorization header lacks a part, or a part the signature must cover is not signed.</summary>
    public const string IncompleteSignature = "IncompleteSignature";

    /// <summary>The access key id is not one any account could hold (SQS's name for it).</summary>
    public const string InvalidClientTokenId = "InvalidClientTokenId";

    /// <summary>The access key id is not one any account could hold (the JSON services' name for it).</summary>
    public const string UnrecognizedClientException = "UnrecognizedClientException";

    /// <summary>The signature is not the one the key's secret makes of this request.</summary>
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>DynamoDB's name for a signature that does not match.</summary>
    public const string InvalidSignatureException = "InvalidSignatureException";

    /// <summary>The request's time is more than <see cref="SigV4Verifier.AllowedSkew"/> from the edge's clock.</summary>
    public const string RequestTimeTooSkewed = "RequestTimeTooSkewed";
}
