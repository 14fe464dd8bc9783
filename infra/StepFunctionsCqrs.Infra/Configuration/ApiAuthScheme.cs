namespace StepFunctionsCqrs.Infra.Configuration;

/// <summary>How the HTTP API authenticates its callers.</summary>
public enum ApiAuthScheme
{
    /// <summary>SigV4-signed requests; callers need execute-api:Invoke on the routes.</summary>
    Iam,

    /// <summary>Bearer JWTs verified against one issuer and audience.</summary>
    Jwt,
}
