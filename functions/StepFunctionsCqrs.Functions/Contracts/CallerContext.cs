namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>The authenticated caller of the API, as the API itself names it (never as the request body claims).</summary>
/// <param name="Principal">The IAM principal ARN (the access key on the local cloud), or the JWT's subject.</param>
/// <param name="Scheme">How the caller was authenticated: <c>iam</c> or <c>jwt</c>.</param>
/// <param name="Groups">A JWT caller's groups claim as API Gateway renders it; null for IAM callers.</param>
public sealed record CallerContext(string Principal, string Scheme, string? Groups);
